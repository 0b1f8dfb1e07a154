#pragma once

namespace headroom {

// Wall-clock time of a dense transformer pre-training run, from the usual estimate of its
// arithmetic: about 6 FLOP per parameter per token (2 forward, 4 backward; Kaplan et al.
// 2020, "Scaling Laws for Neural Language Models", §2.1), delivered at a fraction `mfu`
// (model FLOP utilization) of the accelerators' peak:
//
//     seconds = 6 · parameters · tokens / (accelerators · peakTflopsPerAccelerator · 1e12 · mfu)
//
// Returns NaN when an input is not a finite number > 0 or when mfu > 1, rather than
// throwing: the Add Job dialog evaluates it on every keystroke and shows "cannot size"
// instead. The result ignores attention FLOPs, recomputation and restarts, so it is a floor;
// choose the MFU to match what such runs achieve (published runs report 0.3–0.55).
double llmTrainingSeconds(double parameters, double tokens, int accelerators,
                          double peakTflopsPerAccelerator, double mfu);

} // namespace headroom

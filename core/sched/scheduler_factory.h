#pragma once

#include "core/model/policy.h"
#include "core/sched/scheduler.h"

#include <memory>

namespace headroom {

std::unique_ptr<Scheduler> makeScheduler(SchedulerKind kind);

} // namespace headroom

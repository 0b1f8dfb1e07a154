#include "core/sched/scheduler_factory.h"

#include "core/sched/easy_scheduler.h"
#include "core/sched/fcfs_scheduler.h"
#include "core/sched/sjf_scheduler.h"
#include "core/sched/srtf_scheduler.h"

namespace headroom {

std::unique_ptr<Scheduler> makeScheduler(SchedulerKind kind)
{
    switch (kind) {
    case SchedulerKind::Fcfs:
        return std::make_unique<FcfsScheduler>();
    case SchedulerKind::Sjf:
        return std::make_unique<SjfScheduler>();
    case SchedulerKind::Srtf:
        return std::make_unique<SrtfScheduler>();
    case SchedulerKind::Easy:
        return std::make_unique<EasyScheduler>();
    }
    return std::make_unique<FcfsScheduler>();
}

} // namespace headroom

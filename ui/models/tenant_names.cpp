#include "ui/models/tenant_names.h"

#include "core/model/scenario.h"

#include <set>
#include <string>

namespace headroom::ui {

QStringList knownTenants(const Scenario &scenario)
{
    std::set<std::string> names;
    // Traces repeat a handful of tenants a million times; skipping runs of the same one
    // keeps the pass to a string compare per job.
    const std::string *last = nullptr;
    for (const Job &job : scenario.jobs) {
        if (last && *last == job.tenant)
            continue;
        last = &job.tenant.str();
        names.insert(job.tenant);
    }
    for (const Service &service : scenario.services)
        names.insert(service.tenant);
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes)
                names.insert(node.tenant);
        }
    }
    names.erase(std::string());
    QStringList list;
    for (const std::string &name : names)
        list << QString::fromStdString(name);
    return list;
}

} // namespace headroom::ui

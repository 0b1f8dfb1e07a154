// Every kind of edit the GUI offers is one undo step that undoes and redoes to exactly the
// same scenario, compared as the saved JSON text; consecutive edits merge only when they change
// the same field of the same object; and nothing outside the document layer can reach the
// undo stack.
#include "core/io/scenario_json.h"
#include "tests/support/scenario_builder.h"
#include "ui/dnd/drop_rules.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"

#include <QUndoCommand>
#include <QUndoStack>
#include <QtTest>

#include <concepts>
#include <functional>

using namespace headroom;
using namespace headroom::ui;
using Edit = std::function<bool(ScenarioDocument &)>;
Q_DECLARE_METATYPE(Edit)
// The n-th of a run of edits to one field (typing: the n-th keystroke).
using Step = std::function<void(ScenarioDocument &, int)>;
Q_DECLARE_METATYPE(Step)

namespace {

// What a view holds of a document cannot take a command or hand out the stack: the structure,
// not a convention, keeps compound edits in the document layer.
template<typename T>
concept TakesCommands = requires(T t, QUndoCommand *command)
{
    t.push(command);
}
|| requires(T t, const QString &text)
{
    t.beginMacro(text);
};
template<typename T>
concept HandsOutStack = requires(T t)
{
    {
        t.undoStack()
        } -> std::convertible_to<QUndoStack *>;
};
// The checks can fail: they hold for what does hand out a stack.
struct HandingOut
{
    QUndoStack *undoStack();
};
static_assert(TakesCommands<QUndoStack &> && HandsOutStack<HandingOut &>);
static_assert(!TakesCommands<ScenarioDocument &>);
static_assert(!TakesCommands<UndoHistory &>);
static_assert(!HandsOutStack<ScenarioDocument &>);

// Two zones, three racks, two node types, jobs with every kind of constraint.
Scenario baseScenario()
{
    test::ScenarioBuilder b;
    b.nodes(2, 8, "gpu8", "r1", "z1")
            .nodes(2, 4, "gpu4", "r2", "z1")
            .nodes(3, 8, "gpu8", "r3", "z2");
    b.linearPower("gpu8", 2000, 10000).linearPower("gpu4", 500, 2500);
    b.job(1, 0, 8, 100).job(2, 10, 4, 50).job(3, 20, 16, 300).job(4, 30, 1, 10);
    b.constrain(2, {"gpu4", "", "", ""});
    b.constrain(3, {"", "z2", "", ""});
    b.constrain(4, {"", "", "r1", "r1-n1"});
    Scenario s = b.build();
    s.cluster.zones[0].racks[0].powerBudgetKw = 30.0;
    Service embed;
    embed.name = "embed";
    embed.tenant = "team-b";
    embed.capacityRps = 50.0;
    embed.maxReplicas = 2;
    embed.load.peakRps = 60.0;
    s.services.push_back(embed);
    // A planned outage of the node job 4 is pinned to: removals and renames take it along.
    s.outages = {{"r1-n1", 3600.0, 1800.0}};
    s.nodeTypes.front().mtbfH = 5000.0;
    s.nodeTypes.front().repairH = 4.0;
    return s;
}

DragPayload nodeTypePayload(const std::string &type)
{
    DragPayload p;
    p.kind = DragPayload::Kind::NodeType;
    p.nodeType = type;
    return p;
}

DragPayload jobsPayload(std::vector<std::size_t> jobs)
{
    DragPayload p;
    p.kind = DragPayload::Kind::ExistingJobs;
    p.jobs = std::move(jobs);
    return p;
}

} // namespace

class TestDocumentEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void undoRedoRestoresExactly_data()
    {
        QTest::addColumn<Edit>("edit");
        using K = DropTarget::Kind;
        QTest::newRow("add zone") << Edit([](ScenarioDocument &d) { return edits::addZone(d); });
        QTest::newRow("add rack") << Edit(
                [](ScenarioDocument &d) { return edits::addRack(d, "z2"); });
        QTest::newRow("add nodes")
                << Edit([](ScenarioDocument &d) { return edits::addNodes(d, "r2", "gpu8", 3); });
        QTest::newRow("remove node with pinned job")
                << Edit([](ScenarioDocument &d) { return edits::removeElements(d, {"r1-n1"}); });
        QTest::newRow("remove rack")
                << Edit([](ScenarioDocument &d) { return edits::removeElements(d, {"r2"}); });
        QTest::newRow("remove zone with constrained job")
                << Edit([](ScenarioDocument &d) { return edits::removeElements(d, {"z2"}); });
        QTest::newRow("duplicate node")
                << Edit([](ScenarioDocument &d) { return edits::duplicateElements(d, {"r1-n0"}); });
        QTest::newRow("duplicate rack")
                << Edit([](ScenarioDocument &d) { return edits::duplicateElements(d, {"r3"}); });
        QTest::newRow("rename zone") << Edit(
                [](ScenarioDocument &d) { return edits::renameElement(d, "z2", "hall-2"); });
        QTest::newRow("rename rack") << Edit(
                [](ScenarioDocument &d) { return edits::renameElement(d, "r1", "rack-one"); });
        QTest::newRow("rename pinned node") << Edit(
                [](ScenarioDocument &d) { return edits::renameElement(d, "r1-n1", "special"); });
        QTest::newRow("rack budget") << Edit(
                [](ScenarioDocument &d) { return edits::setRackBudget(d, "r1", std::nullopt); });
        QTest::newRow("node type of a node")
                << Edit([](ScenarioDocument &d) { return edits::setNodeType(d, "r3-n0", "gpu4"); });
        QTest::newRow("add node type") << Edit([](ScenarioDocument &d) {
            NodeType t;
            t.name = "mi300x";
            t.accelerators = 8;
            t.power = PowerCurve::linear(1500, 9000);
            return edits::addNodeType(d, t);
        });
        QTest::newRow("rename node type used by nodes and jobs") << Edit([](ScenarioDocument &d) {
            NodeType t = *d.scenario().findNodeType("gpu4");
            t.name = "l40s";
            t.peakTflopsPerAccelerator = 362;
            return edits::replaceNodeType(d, "gpu4", t);
        });
        QTest::newRow("add jobs") << Edit([](ScenarioDocument &d) {
            Job job;
            job.runS = 60;
            job.slots = 2;
            edits::addJobs(d, {job, job}, "Add");
            return true;
        });
        QTest::newRow("remove scattered jobs") << Edit([](ScenarioDocument &d) {
            edits::removeJobs(d, {3, 0, 2});
            return true;
        });
        QTest::newRow("edit job") << Edit([](ScenarioDocument &d) {
            Job job = d.scenario().jobs[1];
            job.runS = 77.5;
            job.tenant = "team-x";
            edits::editJob(d, 1, job);
            return true;
        });
        QTest::newRow("constrain jobs") << Edit([](ScenarioDocument &d) {
            edits::setJobConstraints(d, {0, 1}, {"", "z1", "", ""}, "Constrain");
            return true;
        });
        QTest::newRow("policy") << Edit([](ScenarioDocument &d) {
            Policy p = d.scenario().policy;
            p.scheduler = SchedulerKind::Srtf;
            p.sampleIntervalS = 42;
            edits::setPolicy(d, p);
            return true;
        });
        QTest::newRow("metadata") << Edit([](ScenarioDocument &d) {
            edits::setMetadata(d, "renamed", "a description", 99);
            return true;
        });
        QTest::newRow("drop node type on rack") << Edit([](ScenarioDocument &d) {
            return applyDrop(d, nodeTypePayload("gpu4"), {K::Rack, "r3"}, 2);
        });
        QTest::newRow("drop node type on empty area") << Edit([](ScenarioDocument &d) {
            return applyDrop(d, nodeTypePayload("gpu8"), {K::EmptyArea, ""}, 4);
        });
        QTest::newRow("drop jobs on node") << Edit([](ScenarioDocument &d) {
            return applyDrop(d, jobsPayload({0, 3}), {K::Node, "r3-n2"});
        });
        QTest::newRow("drop job on zone") << Edit([](ScenarioDocument &d) {
            return applyDrop(d, jobsPayload({2}), {K::Zone, "z1"});
        });
        QTest::newRow("drop template on rack") << Edit([](ScenarioDocument &d) {
            DragPayload p;
            p.kind = DragPayload::Kind::JobTemplate;
            p.jobTemplate.slots = 8;
            p.jobTemplate.runS = 3600;
            p.templateName = "Fine-tune";
            return applyDrop(d, p, {K::Rack, "r1"});
        });
        QTest::newRow("set rack DVFS")
                << Edit([](ScenarioDocument &d) { return edits::setRackDvfs(d, "r2", 0.8); });
        QTest::newRow("reserve node for tenant") << Edit(
                [](ScenarioDocument &d) { return edits::setNodeTenant(d, "r3-n0", "team-a"); });
        QTest::newRow("dedicate jobs") << Edit([](ScenarioDocument &d) {
            edits::setJobsDedicated(d, {0, 2}, true);
            return true;
        });
        QTest::newRow("set energy") << Edit([](ScenarioDocument &d) {
            EnergyPolicy e = d.scenario().energy;
            e.pue = 1.3;
            e.clusterPowerCapKw = 50.0;
            e.dpmEnabled = true;
            e.spareNodes = 2;
            e.currency = "EUR";
            e.pricePerKwh.values = {0.1, 0.2, 0.15};
            return edits::setEnergy(d, e, "PUE");
        });
        QTest::newRow("add service") << Edit([](ScenarioDocument &d) {
            Service s;
            s.name = "chat";
            s.nodeType = "gpu8";
            s.capacityRps = 20.0;
            s.maxReplicas = 3;
            s.load.peakRps = 40.0;
            return edits::addService(d, s);
        });
        QTest::newRow("edit service") << Edit([](ScenarioDocument &d) {
            Service s = d.scenario().services.front();
            s.name = "embed-renamed";
            s.load = LoadProfile{};
            s.load.kind = LoadProfile::Kind::Hourly;
            s.load.hourlyRps.values = {1.0, 2.0};
            return edits::editService(d, "embed", s);
        });
        QTest::newRow("remove service")
                << Edit([](ScenarioDocument &d) { return edits::removeService(d, "embed"); });
        QTest::newRow("add rack of nodes to a zone") << Edit(
                [](ScenarioDocument &d) { return edits::addRackOfNodes(d, "z1", "gpu4", 3); });
        QTest::newRow("add rack of nodes to the last zone") << Edit(
                [](ScenarioDocument &d) { return edits::addRackOfNodes(d, "", "gpu8", 1); });
        QTest::newRow("replace jobs") << Edit([](ScenarioDocument &d) {
            Job first = d.scenario().jobs[0];
            Job third = d.scenario().jobs[2];
            first.priority = 5;
            third.name = "renamed";
            third.constraints = JobConstraints{"gpu8", "", "", ""};
            return edits::replaceJobs(d, {{0, first}, {2, third}}, "Replace");
        });
        QTest::newRow("one constraint of jobs constrained differently") << Edit(
                [](ScenarioDocument &d) {
                    return edits::setJobsConstraint(d, {0, 1, 2, 3}, &JobConstraints::zone, "z1");
                });
        QTest::newRow("scheduler alone") << Edit([](ScenarioDocument &d) {
            Policy p = d.scenario().policy;
            p.scheduler = SchedulerKind::Sjf;
            edits::setPolicy(d, p);
            return true;
        });
        QTest::newRow("one job field") << Edit([](ScenarioDocument &d) {
            Job job = d.scenario().jobs[2];
            job.constraints = JobConstraints{"", "z2", "r3", ""};
            edits::editJob(d, 2, job);
            return true;
        });
        // docs/design.md §10: the failure model's edits.
        QTest::newRow("failure settings") << Edit([](ScenarioDocument &d) {
            FailurePolicy f = d.scenario().failures;
            f.enabled = true;
            f.seed = 77;
            f.requeue = RequeuePolicy::Tail;
            edits::setFailures(d, f);
            return true;
        });
        QTest::newRow("failures on") << Edit([](ScenarioDocument &d) {
            FailurePolicy f = d.scenario().failures;
            f.enabled = true;
            edits::setFailures(d, f);
            return true;
        });
        QTest::newRow("take node down") << Edit([](ScenarioDocument &d) {
            return edits::addOutage(d, {"r3-n2", 7200.0, 600.0});
        });
        QTest::newRow("second outage of a node") << Edit([](ScenarioDocument &d) {
            return edits::addOutage(d, {"r1-n1", 5400.0, 60.0});
        });
        QTest::newRow("edit outage") << Edit([](ScenarioDocument &d) {
            return edits::editOutage(d, 0, {"r1-n1", 0.0, 86400.0});
        });
        QTest::newRow("remove outage")
                << Edit([](ScenarioDocument &d) { return edits::removeOutages(d, {0}); });
        QTest::newRow("remove the rack of an outage's node")
                << Edit([](ScenarioDocument &d) { return edits::removeElements(d, {"r1"}); });
        QTest::newRow("job checkpoints") << Edit([](ScenarioDocument &d) {
            Job job = d.scenario().jobs[2];
            job.checkpoints = JobCheckpoints{1800.0, 60.0, 300.0};
            edits::editJob(d, 2, job);
            return true;
        });
        QTest::newRow("node type reliability") << Edit([](ScenarioDocument &d) {
            NodeType t = *d.scenario().findNodeType("gpu4");
            t.mtbfH = 2000.0;
            t.repairH = 8.0;
            t.repairDistribution = RepairDistribution::Exponential;
            return edits::replaceNodeType(d, "gpu4", t);
        });
    }

    void undoRedoRestoresExactly()
    {
        QFETCH(Edit, edit);
        ScenarioDocument document(baseScenario());
        const std::string before = serializeScenario(document.scenario());
        QVERIFY(edit(document));
        QCOMPARE(document.undoStack()->count(), 1); // one edit, one undo step
        const std::string after = serializeScenario(document.scenario());
        QVERIFY(after != before);
        QVERIFY(document.isModified());
        // Saved scenarios are always loadable: an edit never leaves dangling references.
        QVERIFY(parseScenario(after, "after edit") == document.scenario());

        document.undoStack()->undo();
        QCOMPARE(serializeScenario(document.scenario()), before);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(serializeScenario(document.scenario()), after);
        document.undoStack()->undo();
        QCOMPARE(serializeScenario(document.scenario()), before);
    }

    // A node's outages follow its renames and go with it, in the same step.
    void outagesFollowTheirNode()
    {
        ScenarioDocument document(baseScenario());
        QVERIFY(edits::renameElement(document, "r1-n1", "special"));
        QCOMPARE(document.scenario().outages.size(), std::size_t(1));
        QCOMPARE(document.scenario().outages[0].node, std::string("special"));
        QVERIFY(edits::removeElements(document, {"special"}));
        QVERIFY(document.scenario().outages.empty());
        QCOMPARE(document.undoStack()->count(), 2);
        document.undoStack()->undo();
        QCOMPARE(document.scenario().outages[0].node, std::string("special"));
        document.undoStack()->undo();
        QCOMPARE(document.scenario().outages[0].node, std::string("r1-n1"));
        QCOMPARE(document.undoStack()->undoText(), QString());
    }

    void refusedOutagesChangeNothing()
    {
        ScenarioDocument document(baseScenario());
        QString why;
        QVERIFY(!edits::addOutage(document, {"no-such-node", 0.0, 60.0}, &why));
        QVERIFY2(why.contains("no-such-node"), qPrintable(why));
        // Overlaps the outage of r1-n1 from 1 h to 1.5 h.
        QVERIFY(!edits::addOutage(document, {"r1-n1", 4000.0, 60.0}, &why));
        QVERIFY2(why.contains("overlaps"), qPrintable(why));
        QVERIFY(!edits::addOutage(document, {"r2-n0", 0.0, 0.0}, &why));
        QVERIFY2(why.contains("duration_s"), qPrintable(why));
        QVERIFY(!edits::editOutage(document, 0, document.scenario().outages[0], &why));
        QVERIFY(!edits::removeOutages(document, {5}));
        QCOMPARE(document.undoStack()->count(), 0);
        // The same outage on another node is fine, and says what it did.
        QVERIFY(edits::addOutage(document, {"r2-n0", 4000.0, 60.0}, &why));
        QCOMPARE(document.undoStack()->undoText(), QString("Take r2-n0 down"));
    }

    void failureEditsAreAnnounced()
    {
        ScenarioDocument document(baseScenario());
        QSignalSpy failures(&document, &ScenarioDocument::failuresChanged);
        QSignalSpy any(&document, &ScenarioDocument::changed);
        FailurePolicy f;
        f.enabled = true;
        edits::setFailures(document, f);
        QCOMPARE(document.undoStack()->undoText(), QString("Change failures"));
        QVERIFY(edits::removeOutages(document, {0}));
        QCOMPARE(failures.count(), 2);
        QCOMPARE(any.count(), 2);
        document.undoStack()->undo();
        QCOMPARE(failures.count(), 3);
    }

    void removingANodeClearsItsPins()
    {
        ScenarioDocument document(baseScenario());
        QVERIFY(edits::removeElements(document, {"r1-n1"}));
        QVERIFY(document.scenario().jobs[3].constraints->pinNode.empty());
        QCOMPARE(document.scenario().jobs[3].constraints->rack, std::string("r1"));
    }

    void refusedEditsChangeNothing()
    {
        ScenarioDocument document(baseScenario());
        QString why;
        QVERIFY(!edits::renameElement(document, "r1", "r2", &why));
        QVERIFY(why.contains("already used"));
        QVERIFY(!edits::addNodes(document, "r1", "no-such-type", 1, &why));
        QVERIFY(!applyDrop(document, jobsPayload({2}), {DropTarget::Kind::Node, "r2-n0"}));
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }

    void refusedCompoundEditsChangeNothing()
    {
        ScenarioDocument document(baseScenario());
        QString why;
        QVERIFY(!edits::addRackOfNodes(document, "z1", "no-such-type", 2, &why));
        QVERIFY(why.contains("no-such-type"));
        QVERIFY(!edits::addRackOfNodes(document, "no-such-zone", "gpu8", 2, &why));
        QVERIFY(why.contains("no-such-zone"));
        QVERIFY(!edits::replaceJobs(document, {{1, document.scenario().jobs[1]}}, "Nothing"));
        QVERIFY(!edits::setJobsConstraint(document, {1}, &JobConstraints::nodeType, "gpu4"));
        QCOMPARE(document.undoStack()->count(), 0);
    }

    // New nodes continue their rack's numbering and are unique in the whole cluster: two
    // racks never both get an "n01".
    void newNodesHaveNamesUniqueInTheCluster()
    {
        test::ScenarioBuilder b;
        b.nodes(2, 8, "gpu8", "rack-a", "hall").nodes(2, 8, "gpu8", "rack-b", "hall");
        Scenario s = b.build();
        Rack &a = s.cluster.zones[0].racks[0];
        Rack &bRack = s.cluster.zones[0].racks[1];
        a.nodes[0].name = "a-n01";
        a.nodes[1].name = "a-n02";
        bRack.nodes[0].name = "a-n03"; // a name rack-a's numbering would take next
        bRack.nodes[1].name = "b-n01";
        s.cluster.zones[0].racks.push_back({"rack-c", std::nullopt, {}});
        ScenarioDocument document(s);

        QVERIFY(edits::addNodes(document, "rack-a", "gpu8", 2));
        QVERIFY(edits::addNodes(document, "rack-b", "gpu8", 1));
        QVERIFY(edits::addNodes(document, "rack-c", "gpu8", 2));
        QVERIFY(edits::addNodes(document, "rack-c", "gpu8", 1));
        QVERIFY(edits::duplicateElements(document, {"a-n01"}));
        const auto names = [&](const char *rack) {
            QStringList out;
            for (const NodeSpec &node : document.scenario().cluster.findRack(rack)->nodes)
                out << QString::fromStdString(node.name);
            return out;
        };
        QCOMPARE(names("rack-a"), QStringList({"a-n01", "a-n06", "a-n02", "a-n04", "a-n05"}));
        QCOMPARE(names("rack-b"), QStringList({"a-n03", "b-n01", "b-n02"}));
        QCOMPARE(names("rack-c"), QStringList({"rack-c-n01", "rack-c-n02", "rack-c-n03"}));
        int nodes = 0;
        for (const Rack &rack : document.scenario().cluster.zones[0].racks)
            nodes += int(rack.nodes.size());
        QCOMPARE(int(document.scenario().cluster.names().size()), 1 + 3 + nodes);
    }

    void rackOfNodesInAnEmptyClusterMakesItsZone()
    {
        ScenarioDocument document(Scenario{});
        NodeType type;
        type.name = "gpu8";
        type.accelerators = 8;
        type.power = PowerCurve::linear(1000, 8000);
        QVERIFY(edits::addNodeType(document, type));
        QVERIFY(edits::addRackOfNodes(document, "", "gpu8", 2));
        QCOMPARE(document.undoStack()->count(), 2); // the node type, then zone, rack and nodes
        QCOMPARE(document.scenario().cluster.zones.size(), std::size_t(1));
        QCOMPARE(document.scenario().cluster.zones[0].racks[0].nodes.size(), std::size_t(2));
        QCOMPARE(document.undoStack()->undoText(), QString("New rack of gpu8 nodes"));
        document.undoStack()->undo();
        QVERIFY(document.scenario().cluster.zones.empty());
    }

    void oneFieldTypedIsOneStep_data()
    {
        QTest::addColumn<Step>("step");
        QTest::newRow("job name") << Step([](ScenarioDocument &d, int i) {
            Job job = d.scenario().jobs[0];
            job.name = "typing-" + std::to_string(i);
            edits::editJob(d, 0, job);
        });
        QTest::newRow("job run time") << Step([](ScenarioDocument &d, int i) {
            Job job = d.scenario().jobs[1];
            job.runS = 100.0 * i;
            edits::editJob(d, 1, job);
        });
        QTest::newRow("scenario name") << Step([](ScenarioDocument &d, int i) {
            const Scenario &s = d.scenario();
            edits::setMetadata(d, "name-" + std::to_string(i), s.description, s.seed);
        });
        QTest::newRow("sample interval") << Step([](ScenarioDocument &d, int i) {
            Policy p = d.scenario().policy;
            p.sampleIntervalS = 60.0 * i;
            edits::setPolicy(d, p);
        });
        QTest::newRow("PUE") << Step([](ScenarioDocument &d, int i) {
            EnergyPolicy e = d.scenario().energy;
            e.pue = 1.0 + 0.1 * i;
            QVERIFY(edits::setEnergy(d, e));
        });
        QTest::newRow("cluster power cap") << Step([](ScenarioDocument &d, int i) {
            EnergyPolicy e = d.scenario().energy;
            e.clusterPowerCapKw = 10.0 * i;
            QVERIFY(edits::setEnergy(d, e));
        });
        QTest::newRow("checkpoint interval") << Step([](ScenarioDocument &d, int i) {
            Job job = d.scenario().jobs[2];
            JobCheckpoints k = *job.checkpoints;
            k.intervalS = 600.0 * i;
            job.checkpoints = k;
            edits::editJob(d, 2, job);
        });
        QTest::newRow("restart overhead") << Step([](ScenarioDocument &d, int i) {
            Job job = d.scenario().jobs[0];
            JobCheckpoints k = *job.checkpoints;
            k.restartOverheadS = 10.0 * i;
            job.checkpoints = k;
            edits::editJob(d, 0, job);
        });
        QTest::newRow("failure seed") << Step([](ScenarioDocument &d, int i) {
            FailurePolicy f = d.scenario().failures;
            f.seed = std::uint64_t(10 + i);
            edits::setFailures(d, f);
        });
    }

    void oneFieldTypedIsOneStep()
    {
        QFETCH(Step, step);
        ScenarioDocument document(baseScenario());
        const std::string before = serializeScenario(document.scenario());
        for (int i = 1; i <= 5; ++i)
            step(document, i);
        QCOMPARE(document.undoStack()->count(), 1);
        const std::string after = serializeScenario(document.scenario());
        document.undoStack()->undo();
        QCOMPARE(serializeScenario(document.scenario()), before);
        document.undoStack()->redo();
        QCOMPARE(serializeScenario(document.scenario()), after);
    }

    void consecutiveFieldEditsMerge()
    {
        ScenarioDocument document(baseScenario());
        Job job = document.scenario().jobs[0];
        for (int i = 1; i <= 5; ++i) {
            job.name = std::string("typing-") + std::to_string(i);
            edits::editJob(document, 0, job);
        }
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(), QString("Change name of job 1"));
        document.undoStack()->undo();
        QCOMPARE(document.scenario().jobs[0].name, std::string());
    }

    // The bug this command replaced: the toolbar's scheduler and then its placement were one
    // undo step.
    void schedulerThenPlacementAreTwoSteps()
    {
        ScenarioDocument document(baseScenario());
        const Policy original = document.scenario().policy;
        Policy policy = original;
        policy.scheduler = SchedulerKind::Easy;
        edits::setPolicy(document, policy);
        policy.placement = PlacementKind::BestFit;
        edits::setPolicy(document, policy);
        QCOMPARE(document.undoStack()->count(), 2);
        QCOMPARE(document.undoStack()->undoText(), QString("Change placement"));
        document.undoStack()->undo();
        QVERIFY(document.scenario().policy.placement == original.placement);
        QVERIFY(document.scenario().policy.scheduler == SchedulerKind::Easy);
        QCOMPARE(document.undoStack()->undoText(), QString("Change scheduler"));
        document.undoStack()->undo();
        QVERIFY(document.scenario().policy == original);
    }

    void sameFieldOfTwoObjectsIsTwoSteps()
    {
        ScenarioDocument document(baseScenario());
        for (std::size_t index : {0, 1, 0}) {
            Job job = document.scenario().jobs[index];
            job.tenant = "team-x";
            edits::editJob(document, index, job);
        }
        // Job 1's second edit changed nothing; the first two were on different jobs.
        QCOMPARE(document.undoStack()->count(), 2);
        Job job = document.scenario().jobs[0];
        job.tenant = "team-y";
        edits::editJob(document, 0, job); // job 1 after job 2: a new step again
        QCOMPARE(document.undoStack()->count(), 3);
        document.undoStack()->undo();
        QCOMPARE(document.scenario().jobs[0].tenant, std::string("team-x"));
        QCOMPARE(document.scenario().jobs[1].tenant, std::string("team-x"));
    }

    void otherFieldOfOneObjectIsANewStep()
    {
        ScenarioDocument document(baseScenario());
        Job job = document.scenario().jobs[0];
        job.name = "renamed";
        edits::editJob(document, 0, job);
        job.tenant = "team-x";
        edits::editJob(document, 0, job);
        job.name = "renamed again"; // the name again, but not right after the name
        edits::editJob(document, 0, job);
        QCOMPARE(document.undoStack()->count(), 3);
        // An edit of two fields at once is a step of its own, never merged.
        job.name = "both";
        job.priority = 3;
        edits::editJob(document, 0, job);
        job.name = "both, then one";
        edits::editJob(document, 0, job);
        QCOMPARE(document.undoStack()->count(), 5);
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(document.scenario(), baseScenario());
    }

    void typedBackToTheStartLeavesNoStep()
    {
        ScenarioDocument document(baseScenario());
        Job job = document.scenario().jobs[0];
        job.name = "x";
        edits::editJob(document, 0, job);
        job.name = "";
        edits::editJob(document, 0, job);
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }

    void editsDoNotMergeAcrossASave()
    {
        ScenarioDocument document(baseScenario());
        EnergyPolicy energy = document.scenario().energy;
        energy.pue = 1.2;
        QVERIFY(edits::setEnergy(document, energy));
        document.markSaved();
        energy.pue = 1.3;
        QVERIFY(edits::setEnergy(document, energy));
        QCOMPARE(document.undoStack()->count(), 2);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QVERIFY(!document.isModified()); // back to what is on disk
        QCOMPARE(document.scenario().energy.pue, 1.2);
    }

    void dropsAreNeverMerged()
    {
        ScenarioDocument document(baseScenario());
        QVERIFY(applyDrop(document, jobsPayload({0}), {DropTarget::Kind::Node, "r3-n0"}));
        QVERIFY(applyDrop(document, jobsPayload({0}), {DropTarget::Kind::Node, "r3-n1"}));
        QCOMPARE(document.undoStack()->count(), 2);
    }
};

QTEST_MAIN(TestDocumentEdits)
#include "test_document_edits.moc"

// Name lookups on the cluster model (core/model/cluster.h).
#include "core/model/cluster.h"

#include <QtTest>

using namespace headroom;

namespace {

// Two zones; rack "shared" and node "twin" exist twice (an invalid scenario, which an editor
// may hold for a moment): lookups find the first in topology order.
Cluster sampleCluster()
{
    Cluster cluster;
    cluster.zones = {
            {"eu",
             {{"eu-r1", 40.0, {{"eu-n1", "gpu"}, {"eu-n2", "gpu", "research"}}},
              {"shared", std::nullopt, {{"twin", "cpu"}}}}},
            {"us",
             {{"us-r1", std::nullopt, {{"us-n1", "gpu"}, {"twin", "gpu"}}}, {"shared", 10.0, {}}}},
            {"empty", {}},
    };
    return cluster;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findByKind()
    {
        Cluster cluster = sampleCluster();
        const Cluster &c = cluster;
        QCOMPARE(c.findZone("us"), &c.zones[1]);
        QCOMPARE(c.findZone("empty"), &c.zones[2]);
        QVERIFY(!c.findZone("eu-r1")); // a rack, not a zone
        QCOMPARE(c.findRack("us-r1"), &c.zones[1].racks[0]);
        QCOMPARE(c.findRack("shared"), &c.zones[0].racks[1]);
        QVERIFY(!c.findRack("eu"));
        QCOMPARE(c.findNode("eu-n2"), &c.zones[0].racks[0].nodes[1]);
        QCOMPARE(c.findNode("twin"), &c.zones[0].racks[1].nodes[0]);
        QVERIFY(!c.findNode("eu-r1"));
        QVERIFY(!c.findNode(""));

        // The mutable overloads find the same objects and allow edits.
        cluster.findNode("us-n1")->tenant = "prod";
        QCOMPARE(QString::fromStdString(c.zones[1].racks[0].nodes[0].tenant), "prod");
        cluster.findRack("eu-r1")->powerBudgetKw = 12.5;
        QCOMPARE(*c.zones[0].racks[0].powerBudgetKw, 12.5);
        cluster.findZone("empty")->name = "spare";
        QVERIFY(c.findZone("spare"));
        QVERIFY(!c.findZone("empty"));
    }

    void places()
    {
        const Cluster c = sampleCluster();
        const ClusterPlace node = c.placeOfNode("us-n1");
        QVERIFY(node);
        QCOMPARE(node.zone, &c.zones[1]);
        QCOMPARE(node.rack, &c.zones[1].racks[0]);
        QCOMPARE(node.node, &c.zones[1].racks[0].nodes[0]);
        QVERIFY(!c.placeOfNode("us-r1"));
        QVERIFY(!c.placeOfNode("us-r1").rack);

        const ClusterPlace rack = c.placeOfRack("shared");
        QCOMPARE(rack.zone, &c.zones[0]);
        QCOMPARE(rack.rack, &c.zones[0].racks[1]);
        QVERIFY(!rack.node);
        QVERIFY(!c.placeOfRack("eu-n1"));
    }

    void findAnyKind()
    {
        const Cluster c = sampleCluster();
        const ClusterPlace zone = c.find("eu");
        QCOMPARE(zone.zone, &c.zones[0]);
        QVERIFY(!zone.rack);
        QVERIFY(!zone.node);
        const ClusterPlace rack = c.find("us-r1");
        QCOMPARE(rack.zone, &c.zones[1]);
        QCOMPARE(rack.rack, &c.zones[1].racks[0]);
        QVERIFY(!rack.node);
        const ClusterPlace node = c.find("eu-n2");
        QCOMPARE(node.zone, &c.zones[0]);
        QCOMPARE(node.rack, &c.zones[0].racks[0]);
        QCOMPARE(node.node, &c.zones[0].racks[0].nodes[1]);
        QVERIFY(!c.find("nowhere"));

        // Topology order: the node "twin" in zone eu comes before the one in zone us.
        QCOMPARE(c.find("twin").node, &c.zones[0].racks[1].nodes[0]);
        // A node in zone eu named like zone us is met before zone us ...
        Cluster clash = c;
        clash.zones[0].racks[0].nodes[0].name = "us";
        QCOMPARE(clash.find("us").node, &clash.zones[0].racks[0].nodes[0]);
        // ... and a zone before the nodes in it.
        clash.zones[0].racks[0].nodes[0].name = "eu";
        QCOMPARE(clash.find("eu").zone, &clash.zones[0]);
        QVERIFY(!clash.find("eu").rack);
    }

    void names()
    {
        const std::set<std::string> expected = {"empty",  "eu",   "eu-n1", "eu-n2", "eu-r1",
                                                "shared", "twin", "us",    "us-n1", "us-r1"};
        QVERIFY(sampleCluster().names() == expected);
        QVERIFY(Cluster{}.names().empty());
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "test_cluster.moc"

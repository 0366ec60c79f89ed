using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Postgres;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;

// Usage: worker <sqlite-file> <stream>
//        worker postgres <connection-string> <schema> <stream>
// Appends events to the stream one at a time, forever, and writes "ack <version>" after each append returns.
// The test kills this process hard in the middle and checks that every acknowledged event is in the store.
IEventStore store = args[0] == "postgres"
    ? await PostgresEventStore.ConnectAsync(args[1], args[2])
    : await SqliteEventStore.OpenAsync(args[0]);
var stream = args[^1];
var clock = SystemClock.Instance;
var lifecycle = OrganisationLifecycle.Start(CriteriaCatalog.LoadDefault(), "Heim kommune", OrganisationKind.Municipality,
    OrganisationNumber.Parse("964123454"), new UnitDefinition(new UnitId("raadhuset"), "Rådhuset"), "worker", clock);
var version = await store.AppendAsync(stream, 0, [.. lifecycle.History]);
Console.Out.WriteLine($"ack {version}");
Console.Out.Flush();
var criteria = lifecycle.Organisation.Resolve(lifecycle.Organisation.Headquarters.Id).Criteria.Select(c => c.Criterion.Id).ToArray();
for (var i = 0; ; i++)
{
    var next = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, criteria[i % criteria.Length], (FulfilmentStatus)(i % 3), "worker", comment: $"append {i}");
    version = await store.AppendAsync(stream, version, [next.History[^1]]);
    lifecycle = next;
    Console.Out.WriteLine($"ack {version}");
    Console.Out.Flush();
}

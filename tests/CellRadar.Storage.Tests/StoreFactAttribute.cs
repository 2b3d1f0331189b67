using Xunit.Abstractions;
using Xunit.Sdk;

namespace CellRadar.Storage.Tests;

/// <summary>
/// A fact of the store contract. The contract's tests are declared once, in <see cref="EventStoreContract"/>, and
/// run for each engine's subclass; whether they can run depends on that subclass: a class marked
/// <see cref="NeedsPostgresAttribute"/> has its tests skipped, with the reason, when no PostgreSQL server is
/// configured. SQLite's subclass is unaffected.
/// </summary>
[XunitTestCaseDiscoverer("CellRadar.Storage.Tests.StoreFactDiscoverer", "CellRadar.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>On a test class: its tests need the PostgreSQL server of <see cref="PostgresServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;

/// <summary>A fact outside the contract that needs PostgreSQL (skipped with the reason when there is none, never in CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>Finds <see cref="StoreFactAttribute"/> tests and lets the test class decide whether they are skipped.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>A test case whose skip reason comes from its class (see <see cref="StoreFactAttribute"/>).</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("For the de-serializer only.", error: true)]
    public StoreTestCase() { }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod) { }

    // Also evaluated after de-serialization in the process that runs the test, which sees the same environment.
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.ToRuntimeType().IsDefined(typeof(NeedsPostgresAttribute), inherit: true)
            ? PostgresServer.SkipReason ?? base.GetSkipReason(factAttribute)
            : base.GetSkipReason(factAttribute);
}

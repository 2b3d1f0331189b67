using BenchmarkDotNet.Running;

namespace CellRadar.Benchmarks;

public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (<c>--filter '*'</c> for all, <c>--list flat</c> to see them).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CellRadar.Tests.Browser;

/// <summary>
/// The built <c>cellradar serve</c> as a real child process on 127.0.0.1 and a port it picks itself, over a temp
/// database that it fills at start (the database is empty) from <c>--samples</c>: the bundled samples and the
/// shared seed items together, copied into one temp folder (the seeds' gold stays out).
/// </summary>
internal sealed partial class ServedProcess : IDisposable
{
    private readonly TempFolder _temp;
    private readonly ConcurrentQueue<string> _output;
    private readonly Process _process;

    private ServedProcess(Process process, Uri address, TempFolder temp, ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _temp = temp;
        _output = output;
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _output);

    public static async Task<ServedProcess> StartAsync()
    {
        var temp = new TempFolder();
        var corpus = temp.Folder("corpus");
        foreach (var file in Directory.GetFiles(Web.ServedApp.Samples).Concat(Seeds.Items))
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        var start = BuiltApp.StartInfo(["serve", "--db", temp.Database, "--urls", "http://127.0.0.1:0", "--samples", corpus]);
        start.Environment.Remove("CELLRADAR_API_KEY");
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new ConcurrentQueue<string>();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (ServingLine().Match(e.Data) is { Success: true } m) address.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        // Ingesting the samples on an empty database comes first; a slow machine gets a minute.
        var first = await Task.WhenAny(address.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != address.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            temp.Dispose();
            throw new InvalidOperationException("cellradar serve did not print its address:\n" + string.Join('\n', output));
        }
        return new ServedProcess(process, await address.Task, temp, output);
    }

    public Uri Url(string path) => new(Address, path);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        _temp.Dispose();
    }

    [GeneratedRegex(@"CellRadar is serving .* at (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ServingLine();
}

using System.Diagnostics;

namespace AltPay.Bench;

/// <summary>The sandbox started from its built assembly as a child process on a loopback port.</summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SandboxProcess> StartAsync(string sandboxDll, int port)
    {
        if (!File.Exists(sandboxDll))
        {
            throw new FileNotFoundException($"The sandbox assembly {sandboxDll} is missing. Build it first: dotnet build src/SuperOps.Sandbox -c Release.");
        }

        var start = new ProcessStartInfo("dotnet", [sandboxDll, "--urls", $"http://127.0.0.1:{port}", "--Sandbox:SeedDemoTenant", "false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(baseAddress);
                if (response.IsSuccessStatusCode)
                {
                    return new SandboxProcess(process, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The sandbox did not start listening on {baseAddress} within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>Files of the checkout that the tests read or write, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>axe-core as <c>npm ci</c> installs it from this project's package-lock.json.</summary>
    public static string AxeScript
    {
        get
        {
            var path = Path.Combine(Root, "tests", "AltPay.Browser.Tests", "node_modules", "axe-core", "axe.min.js");

            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"axe-core is missing at {path}. Run `npm ci` in tests/AltPay.Browser.Tests first.");
            }

            return path;
        }
    }

    public static string ScreenshotsDirectory => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AltPay.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AltPay.slnx above {AppContext.BaseDirectory}; run the tests from the checkout.");
    }
}

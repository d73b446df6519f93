namespace AltPay.Web;

/// <summary>Host settings, bound from the configuration section <c>AltPay</c>.</summary>
public sealed class AltPayOptions
{
    public const string SectionName = "AltPay";

    public const string DefaultDataDirectory = ".altpay";

    /// <summary>
    /// Folder of the SQLite database, the Data Protection keys and the demo files. A relative path is
    /// resolved against the working directory. The default value is <c>.altpay</c>.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    public SandboxSettings Sandbox { get; set; } = new();

    public BootstrapSettings Bootstrap { get; set; } = new();

    /// <summary>Sign-in attempts allowed per minute from one IP address. The default value is 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Bearer key of the operator endpoints; they are not mapped while it is unset.</summary>
    public string? OperatorApiKey { get; set; }

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);
}

/// <summary>Demo mode: the SuperOps sandbox mounted in the host.</summary>
public sealed class SandboxSettings
{
    /// <summary>Mounts the sandbox at /sandbox. The default value is true in Development and false elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Creates the demo SuperOps tenant at start-up. The default value is true.</summary>
    public bool SeedDemoTenant { get; set; } = true;
}

/// <summary>The first partner's credentials; random ones are generated for whatever is unset.</summary>
public sealed class BootstrapSettings
{
    public string? ApiKey { get; set; }

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

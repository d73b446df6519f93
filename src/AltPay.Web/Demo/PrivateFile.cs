namespace AltPay.Web.Demo;

/// <summary>Writes files that hold credentials, readable and writable by the owner only (mode 600).</summary>
internal static class PrivateFile
{
    public static void Write(string path, string contents)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };

        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(contents);
    }
}

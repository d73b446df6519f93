namespace SuperOps.Sandbox;

public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "SuperOps sandbox");
        app.Run();
    }
}

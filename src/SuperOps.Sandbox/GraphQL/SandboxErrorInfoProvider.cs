using GraphQL;
using GraphQL.Execution;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// Writes sandbox application errors as SuperOps does (<c>extensions.clientError</c>) and leaves
/// GraphQL document and validation errors in GraphQL.NET's standard form.
/// </summary>
internal sealed class SandboxErrorInfoProvider : IErrorInfoProvider
{
    private readonly ErrorInfoProvider _standard = new(options =>
    {
        options.ExposeCode = true;
        options.ExposeCodes = false;
        options.ExposeData = false;
        options.ExposeExceptionDetails = false;
    });

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is ClientErrorException clientError)
        {
            return new ErrorInfo
            {
                Message = clientError.Message,
                Extensions = new Dictionary<string, object?>
                {
                    ["clientError"] = new object[]
                    {
                        new Dictionary<string, object?> { ["code"] = clientError.ClientCode, ["param"] = clientError.Param },
                    },
                },
            };
        }

        return _standard.GetInfo(executionError);
    }
}

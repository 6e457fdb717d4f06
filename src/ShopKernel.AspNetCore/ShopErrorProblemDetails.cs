using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ShopKernel.AspNetCore;

/// <summary>
/// A ShopKernel error as RFC 9457 problem details: the status from <see cref="ShopErrorStatusCodes"/>, the code as
/// the problem's <c>type</c> (<c>urn:shopkernel:error:cart.quantity_invalid</c>) and as an extension member
/// <c>code</c>, the error's description as <c>detail</c>, and every fact the error carries
/// (<see cref="ShopError.Data"/>, e.g. <c>sku</c> and <c>available</c>) as an extension member of its own name.
/// </summary>
public static class ShopErrorProblemDetails
{
    /// <summary>The prefix of a problem's <c>type</c>: a URN naming the error code, stable as the codes are.</summary>
    public const string TypePrefix = "urn:shopkernel:error:";

    /// <summary>The extension member that carries the error code.</summary>
    public const string CodeMember = "code";

    /// <summary>The problem details of <paramref name="error"/>.</summary>
    /// <param name="error">The error a ShopKernel service answered with.</param>
    /// <param name="instance">The request's path or another URI reference naming this occurrence, if the host wants one.</param>
    /// <returns>Problem details with status, type, title, detail, the code and the error's data.</returns>
    public static ProblemDetails ToProblemDetails(this ShopError error, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = ShopErrorStatusCodes.For(error.Code);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + error.Code,
            Title = TitleOf(status),
            Detail = error.Description,
            Instance = instance,
        };
        problem.Extensions[CodeMember] = error.Code;
        foreach (var (name, value) in error.Data)
        {
            // The error's own facts never replace the members RFC 9457 defines or the code.
            if (name is not (CodeMember or "type" or "title" or "status" or "detail" or "instance"))
            {
                problem.Extensions[name] = value;
            }
        }

        return problem;
    }

    /// <summary>The error as a minimal-API result: <c>application/problem+json</c> with its status.</summary>
    /// <param name="error">The error a ShopKernel service answered with.</param>
    /// <param name="instance">The request's path or another URI reference naming this occurrence, if the host wants one.</param>
    /// <returns>The result to return from an endpoint.</returns>
    public static ProblemHttpResult ToHttpResult(this ShopError error, string? instance = null) =>
        TypedResults.Problem(error.ToProblemDetails(instance));

    /// <summary>The status's reason phrase (<c>Conflict</c>, <c>Unprocessable Entity</c>), the problem's title.</summary>
    private static string TitleOf(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}

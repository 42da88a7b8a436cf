using Microsoft.AspNetCore.Mvc.Filters;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>
/// The policy one handler of a page needs beyond the page's own (e.g. reading a cohort is for everyone, advancing it
/// for those who run cohorts). Razor Pages ignores <see cref="AuthorizeAttribute"/> on handler methods, so
/// <see cref="HandlerPolicyFilter"/> enforces this one before the handler runs, before it reads anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

public sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(HandlerPolicyAttribute), inherit: true)
            .Cast<HandlerPolicyAttribute>();
        foreach (var policy in required ?? [])
        {
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, policy.Policy)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}

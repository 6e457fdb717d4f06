using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ShopKernel.Tests.Documentation;

/// <summary>
/// Reads what the public service methods of an assembly say they return, from the assembly's XML documentation
/// file, and the error codes the assembly defines (every <c>public const string</c> of its public
/// <c>*ErrorCodes</c> classes).
/// </summary>
internal sealed partial class ErrorCodeDocumentation
{
    private ErrorCodeDocumentation(IReadOnlyList<ErrorCode> codes, IReadOnlyList<DocumentedMethod> methods)
    {
        Codes = codes;
        Methods = methods;
    }

    /// <summary>Every error code constant of the assembly.</summary>
    public IReadOnlyList<ErrorCode> Codes { get; }

    /// <summary>Every public method of a public <c>*Service</c> type that returns <c>Result</c> or <c>Result&lt;T&gt;</c>.</summary>
    public IReadOnlyList<DocumentedMethod> Methods { get; }

    public static ErrorCodeDocumentation Load(Assembly assembly)
    {
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(xmlPath))
        {
            throw new FileNotFoundException($"The XML documentation of {assembly.GetName().Name} was not generated next to the assembly.", xmlPath);
        }

        return Load(assembly, XDocument.Load(xmlPath));
    }

    public static ErrorCodeDocumentation Load(Assembly assembly, XDocument documentation)
    {
        var members = documentation.Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);

        var codes = assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => new ErrorCode(t, f.Name, (string)f.GetRawConstantValue()!)))
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToList();

        // A reference to a constant names its code; a reference to a whole *ErrorCodes class ("a code from
        // CheckoutErrorCodes") names every code of the class.
        var constantsByCref = codes
            .Select(c => (Cref: $"F:{c.Owner.FullName}.{c.Name}", c.Value))
            .Concat(codes.GroupBy(c => c.Owner).Select(g => (Cref: $"T:{g.Key.FullName}", Value: string.Join(' ', g.Select(c => c.Value)))))
            .ToDictionary(c => c.Cref, c => c.Value, StringComparer.Ordinal);

        var methods = assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && ReturnsResult(m.ReturnType))
            .Select(m =>
            {
                var id = DocumentationId(m);
                members.TryGetValue(id, out var member);
                var text = member is null ? null : ReturnsAndRemarksText(member, constantsByCref);
                return new DocumentedMethod(m, id, text, text is null ? [] : CodeLike(text));
            })
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

        return new ErrorCodeDocumentation(codes, methods);
    }

    /// <summary>The first part of a code (<c>cart</c> in <c>cart.line_not_found</c>) of every code the assembly defines.</summary>
    public IReadOnlySet<string> Prefixes => Codes.Select(c => c.Value[..c.Value.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The code-like names in a method's docs whose prefix is a code prefix, but which no constant defines.</summary>
    public IEnumerable<string> StaleNames()
    {
        var known = Codes.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var prefixes = Prefixes;
        return Methods
            .SelectMany(m => m.Named
                .Where(n => prefixes.Contains(n[..n.IndexOf('.', StringComparison.Ordinal)]) && !known.Contains(n))
                .Select(n => $"{m.Id} names {n}, which is no error code"))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The codes no method of a service of the code's own capability (namespace) names in its docs.</summary>
    public IEnumerable<string> UndocumentedCodes() =>
        Codes
            // A namespace without a service of its own (Analytics' acquisition sources, set through carts and
            // registrations) has its codes named by the services that return them.
            .Where(c => !Methods.Any(m => (m.Method.DeclaringType!.Namespace == c.Owner.Namespace || !Methods.Any(o => o.Method.DeclaringType!.Namespace == c.Owner.Namespace)) && m.Named.Contains(c.Value)))
            .Select(c => $"{c.Owner.Name}.{c.Name} ({c.Value}) is named by no method of a service in {c.Owner.Namespace}");

    /// <summary>The result-returning service methods whose docs name no code at all ("or a typed error").</summary>
    public IEnumerable<string> MethodsNamingNoCode()
    {
        var known = Codes.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return Methods.Where(m => m.Text is not null && !m.Named.Overlaps(known)).Select(m => $"{m.Id} names no error code");
    }

    /// <summary>The result-returning service methods without a <c>&lt;returns&gt;</c> to name their codes in.</summary>
    public IEnumerable<string> MethodsWithoutReturns() =>
        Methods.Where(m => m.Text is null).Select(m => $"{m.Id} has no <returns> documentation");

    private static bool ReturnsResult(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type == typeof(Result) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>));
    }

    private static string? ReturnsAndRemarksText(XElement member, IReadOnlyDictionary<string, string> constantsByCref)
    {
        var returns = member.Element("returns");
        if (returns is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var part in new[] { returns, member.Element("remarks") }.OfType<XElement>())
        {
            foreach (var node in part.DescendantNodes())
            {
                switch (node)
                {
                    case XText t:
                        text.Append(t.Value);
                        break;
                    case XElement e when e.Attribute("cref") is { } cref:
                        text.Append(' ').Append(constantsByCref.TryGetValue(cref.Value, out var code) ? code : cref.Value).Append(' ');
                        break;
                    case XElement e when e.Attribute("langword") is { } word:
                        text.Append(' ').Append(word.Value).Append(' ');
                        break;
                }
            }

            text.Append(' ');
        }

        return text.ToString();
    }

    private static HashSet<string> CodeLike(string text) =>
        CodePattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w.])[a-z][a-z_]*\.[a-z][a-z0-9_]*(?!\w|\.\w|\()")]
    private static partial Regex CodePattern();

    /// <summary>The documentation comment id of a method, as the C# compiler writes it in the XML file.</summary>
    private static string DocumentationId(MethodInfo method)
    {
        var id = new StringBuilder("M:").Append(TypeName(method.DeclaringType!, method, forParameter: false)).Append('.').Append(method.Name);
        if (method.IsGenericMethodDefinition)
        {
            id.Append("``").Append(method.GetGenericArguments().Length);
        }

        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            id.Append('(').AppendJoin(',', parameters.Select(p => TypeName(p.ParameterType, method, forParameter: true))).Append(')');
        }

        return id.ToString();
    }

    private static string TypeName(Type type, MethodInfo method, bool forParameter)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, method, forParameter) + "@";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return TypeName(type.GetElementType()!, method, forParameter) + (rank == 1 ? "[]" : "[" + string.Join(',', Enumerable.Repeat("0:", rank)) + "]");
        }

        if (type.IsGenericParameter)
        {
            return type.DeclaringMethod is not null ? "``" + type.GenericParameterPosition : "`" + type.GenericParameterPosition;
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!, method, forParameter: false) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (forParameter && tick >= 0)
            {
                var ownArguments = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0);
                name = name[..tick] + "{" + string.Join(',', ownArguments.Select(a => TypeName(a, method, forParameter: true))) + "}";
            }
        }

        return name;
    }
}

internal sealed record ErrorCode(Type Owner, string Name, string Value);

internal sealed record DocumentedMethod(MethodInfo Method, string Id, string? Text, IReadOnlySet<string> Named);

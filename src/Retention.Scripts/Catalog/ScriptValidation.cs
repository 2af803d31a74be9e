using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Scripts;

/// <summary>Checks a <see cref="ScriptDefinition"/> and turns it into a <see cref="Script"/>, reporting every problem with its path.</summary>
internal static class ScriptValidation
{
    public static Script? Check(
        ScriptDefinition? definition,
        string source,
        string path,
        bool json,
        ScriptOptions options,
        IReadOnlyDictionary<string, PlaceholderKind> known,
        List<ScriptProblem> problems)
    {
        string Name(string pascal) => json ? char.ToLowerInvariant(pascal[0]) + pascal[1..] : pascal;
        int before = problems.Count;
        if (definition is null)
        {
            problems.Add(new ScriptProblem(source, path, "is empty"));
            return null;
        }

        string? id = definition.Id;
        string? locale = definition.Locale;
        void Add(string at, string message) => problems.Add(new ScriptProblem(source, at, message) { Id = id, Locale = locale });

        if (!Script.IsValidId(id))
        {
            Add($"{path}.{Name("Id")}", $"must be lower-case letters and digits in words joined by '.' or '-', such as risk.yellow.supervisor-call (was \"{id}\")");
        }

        if (locale is null || !options.Locales.ContainsKey(locale))
        {
            Add($"{path}.{Name("Locale")}", $"must be one of the configured locales ({string.Join(", ", options.Locales.Keys.Order(StringComparer.Ordinal))}) (was \"{locale}\")");
        }

        if (!Enum.IsDefined(definition.Kind))
        {
            Add($"{path}.{Name("Kind")}", $"must be Call, Message, Visit or Letter (was {definition.Kind})");
        }

        if (!Enum.IsDefined(definition.Purpose))
        {
            Add($"{path}.{Name("Purpose")}", $"must be Service, Marketing or Transactional (was {definition.Purpose})");
        }

        ScriptTemplate? Parse(string? text, string at, bool required)
        {
            if (text is null || (required && string.IsNullOrWhiteSpace(text)))
            {
                Add(at, "must not be blank");
                return null;
            }

            try
            {
                var template = ScriptTemplate.Parse(text);
                foreach (string name in template.Placeholders)
                {
                    if (!known.ContainsKey(name))
                    {
                        Add(at, $"uses the unknown placeholder {{{name}}} (declare it in Placeholders, or use one of {string.Join(", ", known.Keys.Order(StringComparer.Ordinal).Select(k => "{" + k + "}"))})");
                    }
                }

                return template;
            }
            catch (ScriptTemplateException e)
            {
                Add(at, $"{e.Reason} (at character {e.Position + 1})");
                return null;
            }
        }

        var title = Parse(definition.Title, $"{path}.{Name("Title")}", required: true);
        var parts = new List<ScriptPart>();
        var partList = definition.Parts ?? [];
        if (partList.Count == 0)
        {
            Add($"{path}.{Name("Parts")}", "must have at least one part");
        }

        for (int i = 0; i < partList.Count; i++)
        {
            string at = $"{path}.{Name("Parts")}[{i}]";
            var part = partList[i];
            if (part is null || (part.Say is null) == (part.Direction is null))
            {
                Add(at, $"must set exactly one of {Name("Say")} and {Name("Direction")}");
                continue;
            }

            bool line = part.Say is not null;
            if (!line && definition.Kind == ScriptKind.Message)
            {
                Add($"{at}.{Name("Direction")}", "a message is sent as written, so it has lines only, no stage directions");
                continue;
            }

            var template = Parse(line ? part.Say : part.Direction, $"{at}.{Name(line ? "Say" : "Direction")}", required: true);
            if (template is not null)
            {
                parts.Add(new ScriptPart(line ? ScriptPartKind.Line : ScriptPartKind.Direction, template));
            }
        }

        if (partList.Count > 0 && !partList.Any(p => p?.Say is not null))
        {
            Add($"{path}.{Name("Parts")}", "must contain at least one line to say");
        }

        List<ScriptTemplate> List(List<string>? items, string name)
        {
            var list = new List<ScriptTemplate>();
            items ??= [];
            for (int i = 0; i < items.Count; i++)
            {
                var template = Parse(items[i], $"{path}.{Name(name)}[{i}]", required: true);
                if (template is not null)
                {
                    list.Add(template);
                }
            }

            return list;
        }

        var @do = List(definition.Do, "Do");
        var dont = List(definition.Dont, "Dont");

        if (definition.Kind is ScriptKind.Call or ScriptKind.Visit && (definition.Do is not { Count: > 0 } || definition.Dont is not { Count: > 0 }))
        {
            Add($"{path}.{Name(definition.Do is not { Count: > 0 } ? "Do" : "Dont")}", "a call or visit script must say what to do and what not to do");
        }

        if (problems.Count > before)
        {
            return null;
        }

        var placeholders = new HashSet<string>(parts.SelectMany(p => p.Template.Placeholders), StringComparer.Ordinal);
        if (definition.Kind == ScriptKind.Message)
        {
            if (!placeholders.Contains(ScriptPlaceholders.StoreName))
            {
                Add($"{path}.{Name("Parts")}", "a message must name the store: use {StoreName}");
            }

            if (!ScriptPlaceholders.ContactNames.Any(placeholders.Contains) || !ScriptPlaceholders.ContactPhones.Any(placeholders.Contains))
            {
                Add($"{path}.{Name("Parts")}", $"a message must name a contact person ({string.Join(", ", ScriptPlaceholders.ContactNames.Select(n => "{" + n + "}"))}) and give a way to reach them ({string.Join(", ", ScriptPlaceholders.ContactPhones.Select(n => "{" + n + "}"))})");
            }
        }

        if (definition.Purpose == ScriptPurpose.Marketing)
        {
            if (definition.Kind != ScriptKind.Message)
            {
                Add($"{path}.{Name("Purpose")}", "marketing content is sent as a message: set kind Message or purpose Service");
            }
            else
            {
                string last = parts[^1].Template.Text.TrimEnd();
                string optOut = options.Locales[locale!].OptOutLine.Trim();
                if (!last.EndsWith("{" + ScriptPlaceholders.OptOut + "}", StringComparison.Ordinal) && !last.EndsWith(optOut, StringComparison.Ordinal))
                {
                    Add($"{path}.{Name("Parts")}[{parts.Count - 1}]", $"a marketing message must end with the opt-out instruction: end its last line with {{OptOut}} (or \"{optOut}\")");
                }
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Script(id!, locale!, definition.Kind, definition.Purpose, title!, definition.Audience ?? ScriptAudience.Anyone, parts, @do, dont);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Retention.Workflows;

/// <summary>
/// The workflow definitions an engine knows, by id and version. Instances are pinned to the version they started on,
/// so keep every version that still has running instances registered next to the newer ones.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="Add"/> returns a new registry.</remarks>
public sealed class WorkflowRegistry
{
    private readonly ImmutableDictionary<(string Id, int Version), WorkflowDefinition> _byKey;

    /// <summary>Creates a registry.</summary>
    /// <param name="definitions">The definitions; the same definition twice counts once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowDefinitionException">Two different definitions share an id and a version.</exception>
    public WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
        : this(ImmutableDictionary<(string, int), WorkflowDefinition>.Empty, definitions)
    {
    }

    private WorkflowRegistry(ImmutableDictionary<(string Id, int Version), WorkflowDefinition> existing, IEnumerable<WorkflowDefinition> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var builder = existing.ToBuilder();
        foreach (var d in added)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(added));
            if (builder.TryGetValue((d.Id, d.Version), out var known))
            {
                if (!known.Equals(d))
                {
                    throw new WorkflowDefinitionException($"workflow '{d.Id}' v{d.Version} is registered twice with different content; publish the change as a new version");
                }

                continue;
            }

            builder.Add((d.Id, d.Version), d);
        }

        _byKey = builder.ToImmutable();
        Definitions = [.. _byKey.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)];
    }

    /// <summary>A registry with no definitions.</summary>
    public static WorkflowRegistry Empty { get; } = new([]);

    /// <summary>Every definition, by id (ordinal) then version.</summary>
    public ImmutableArray<WorkflowDefinition> Definitions { get; }

    /// <summary>Returns a registry that also holds <paramref name="definitions"/>.</summary>
    /// <param name="definitions">More definitions.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowDefinitionException">A different definition with the same id and version is already registered.</exception>
    public WorkflowRegistry Add(params WorkflowDefinition[] definitions) => new(_byKey, definitions);

    /// <summary>Finds a definition by id and version.</summary>
    /// <param name="id">The workflow id.</param>
    /// <param name="version">The version.</param>
    /// <param name="definition">The definition, when found.</param>
    /// <returns><see langword="true"/> when it is registered.</returns>
    public bool TryGet(string id, int version, [NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byKey.TryGetValue((id, version), out definition);
    }

    /// <summary>Gets a definition by id and version.</summary>
    /// <param name="id">The workflow id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="WorkflowException">It is not registered (<see cref="WorkflowProblem.DefinitionNotFound"/>); the message lists the registered versions of the id.</exception>
    public WorkflowDefinition Get(string id, int version) =>
        TryGet(id, version, out var d) ? d : throw WorkflowException.DefinitionNotFound(id, version, Versions(id));

    /// <summary>The newest registered version of a workflow.</summary>
    /// <param name="id">The workflow id.</param>
    /// <returns>The definition with the highest version.</returns>
    /// <exception cref="WorkflowException">No version of it is registered (<see cref="WorkflowProblem.DefinitionNotFound"/>).</exception>
    public WorkflowDefinition Latest(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var versions = Versions(id);
        return versions.Count == 0 ? throw WorkflowException.DefinitionNotFound(id, null, versions) : _byKey[(id, versions[^1])];
    }

    /// <summary>The registered versions of a workflow, ascending.</summary>
    /// <param name="id">The workflow id.</param>
    /// <returns>The versions; empty when none is registered.</returns>
    public IReadOnlyList<int> Versions(string id) =>
        Definitions.Where(d => string.Equals(d.Id, id, StringComparison.Ordinal)).Select(d => d.Version).ToArray();
}

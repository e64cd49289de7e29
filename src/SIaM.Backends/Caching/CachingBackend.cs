using System.Collections.Concurrent;
using SIaM.Core.Backends;

namespace SIaM.Backends.Caching;

/// <summary>
/// Answers repeated requests from an on-disk cache (<see cref="CacheFile"/>) keyed on the semantic request
/// (<see cref="CacheKey"/>); only the misses reach the inner backend, as one batch. Only successful completions are
/// stored. Safe for concurrent callers and for several processes sharing one directory.
/// </summary>
public sealed class CachingBackend : IModelBackend
{
    private readonly IModelBackend _inner;
    private readonly string _identity;
    private readonly CacheFile _file;
    private readonly ConcurrentDictionary<string, Completion> _entries;
    private long _hits;
    private long _misses;

    /// <param name="inner">The backend whose answers are cached; disposed with this one.</param>
    /// <param name="directory">The cache directory (created on first write).</param>
    /// <param name="identity">What identifies the model in keys; <paramref name="inner"/>'s spec by default. Leave
    /// non-semantic settings (timeouts, concurrency) out of it.</param>
    /// <exception cref="Core.InputException">A cache file has a corrupt line (not a torn last line).</exception>
    public CachingBackend(IModelBackend inner, string directory, string? identity = null)
    {
        _inner = inner;
        _identity = identity ?? inner.Spec;
        _file = new CacheFile(directory);
        _entries = new ConcurrentDictionary<string, Completion>(_file.Load());
    }

    /// <inheritdoc />
    public string Spec => _inner.Spec;

    /// <summary>Requests answered from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests passed to the inner backend so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(request => CacheKey.Of(_identity, request)).ToArray();
        var results = new Completion?[requests.Count];
        var missing = new Dictionary<string, List<int>>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (_entries.TryGetValue(keys[i], out var cached))
            {
                results[i] = cached;
                Interlocked.Increment(ref _hits);
            }
            else if (missing.TryGetValue(keys[i], out var same))
                same.Add(i);
            else
                missing[keys[i]] = [i];
        }

        if (missing.Count > 0)
        {
            var firsts = missing.Values.Select(indices => indices[0]).ToArray();
            Interlocked.Add(ref _misses, firsts.Length);
            var completions = await _inner.GenerateAsync(firsts.Select(i => requests[i]).ToArray(), cancellationToken).ConfigureAwait(false);
            if (completions.Count != firsts.Length)
                throw new InvalidOperationException($"{_inner.Spec} returned {completions.Count} completions for {firsts.Length} requests");
            for (var j = 0; j < firsts.Length; j++)
            {
                var first = firsts[j];
                var completion = completions[j];
                if (completion.Status == CompletionStatus.Ok && _entries.TryAdd(keys[first], completion))
                    _file.Append(keys[first], requests[first], completion);
                foreach (var i in missing[keys[first]]) results[i] = completion;
            }
        }
        return results!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _file.Dispose();
    }
}

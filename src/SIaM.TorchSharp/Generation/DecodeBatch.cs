using SIaM.TorchSharp.Models;
using static TorchSharp.torch;
using RandomGenerator = global::TorchSharp.torch.Generator;

namespace SIaM.TorchSharp.Generation;

/// <summary>
/// A running batch for continuous batching: sequences join between steps and leave as soon as they finish. Every row's
/// keys are right-aligned at the cache's shared length, with left padding masked out, as in <see cref="BatchGenerator"/>:
/// a joining sequence is prefilled on its own (with the others joining at the same step) and its keys are copied into the
/// batch's cache; a finished row is dropped. Positions come from each row's real tokens, so a sequence's tokens do not
/// depend on the rows beside it or on when it joined. The cache is rebuilt (rows kept, padding no row needs trimmed) only
/// when the rows change; its room is the longest remaining budget of new tokens. Not thread-safe; call under
/// <c>no_grad</c>.
/// </summary>
public sealed class DecodeBatch(CausalLm lm) : IDisposable
{
    private readonly List<Row> _rows = [];
    private KvCache? _cache;
    private bool _changed;

    /// <summary>Sequences decoding (finished ones leave at the next <see cref="Admit"/> or <see cref="Step"/>).</summary>
    public int Count => _rows.Count(r => r.Result is null);

    /// <summary>
    /// Prefills <paramref name="joining"/> together (left-padded), picks each one's first token and adds the unfinished
    /// ones to the batch. Returns those that finished at their first token (EOS, a stop, or a budget of one token).
    /// </summary>
    public IReadOnlyList<FinishedSequence> Admit(IReadOnlyList<(long Id, SequenceRequest Request)> joining)
    {
        var finished = new List<FinishedSequence>();
        var starting = new List<(long Id, SequenceRequest Request)>();
        foreach (var (id, request) in joining)
        {
            if (request.Prompt.Count == 0) throw new ArgumentException("every prompt needs at least one token");
            if (request.MaxNewTokens <= 0) finished.Add(new FinishedSequence(id, new GeneratedSequence([], "length")));
            else starting.Add((id, request));
        }
        if (starting.Count == 0) return finished;
        var newRows = starting.Select(s => new Row(s.Id, s.Request, lm.Device)).ToList();
        try
        {
            var promptLength = starting.Max(s => s.Request.Prompt.Count);
            using var prefill = lm.CreateCache(starting.Count, promptLength);
            using (var scope = NewDisposeScope())
            {
                var (ids, valid) = LeftPadded(starting.Select(s => s.Request.Prompt).ToList(), promptLength);
                var logits = lm.Forward(ids, valid, prefill, lastOnly: true);
                Pick(newRows, logits);
            }
            finished.AddRange(newRows.Where(r => r.Result is not null).Select(r => r.Finish()));
            foreach (var row in newRows.Where(r => r.Result is not null)) row.Dispose();
            var joined = Enumerable.Range(0, newRows.Count).Where(i => newRows[i].Result is null).Select(i => (long)i).ToArray();
            if (joined.Length > 0)
            {
                Rebuild((prefill, joined), newRows.Where(r => r.Result is null));
                newRows.Clear();
            }
        }
        finally
        {
            foreach (var row in newRows) row.Dispose();
        }
        return finished;
    }

    /// <summary>Removes the sequences with these ids (cancelled); their rows are free for the next to join.</summary>
    public void Remove(IReadOnlySet<long> ids)
    {
        foreach (var row in _rows.Where(r => r.Result is null && ids.Contains(r.Id)))
        {
            row.Result = "cancelled";
            _changed = true;
        }
    }

    /// <summary>Decodes one token for every sequence and returns the sequences that finished with it.</summary>
    public IReadOnlyList<FinishedSequence> Step()
    {
        if (_changed) Rebuild(null, []);
        if (_rows.Count == 0) return [];
        var cache = _cache!;
        var length = cache.Length;
        using (var scope = NewDisposeScope())
        {
            var ids = tensor(_rows.Select(r => (long)r.Last).ToArray(), device: lm.Device).view(_rows.Count, 1);
            // Row r's real keys are its last Known + 1 slots of the length + 1 that this step attends over.
            var firstReal = tensor(_rows.Select(r => length - r.Known).ToArray(), device: lm.Device).view(_rows.Count, 1);
            var valid = arange(length + 1, device: lm.Device).view(1, length + 1).ge(firstReal);
            var logits = lm.Forward(ids, valid, cache, lastOnly: true);
            foreach (var row in _rows) row.Known++;
            Pick(_rows, logits);
        }
        var finished = _rows.Where(r => r.Result is not null).Select(r => r.Finish()).ToList();
        _changed |= finished.Count > 0;
        return finished;
    }

    /// <summary>Drops every sequence (after an error): the batch is empty and can be used again.</summary>
    public void Clear()
    {
        foreach (var row in _rows) row.Dispose();
        _rows.Clear();
        _cache?.Dispose();
        _cache = null;
        _changed = false;
    }

    public void Dispose() => Clear();

    // Keeps the unfinished rows, appends the joining ones, and rebuilds the cache at the length the longest row needs.
    private void Rebuild((KvCache Cache, long[] Rows)? joining, IEnumerable<Row> joiningRows)
    {
        var kept = Enumerable.Range(0, _rows.Count).Where(i => _rows[i].Result is null).Select(i => (long)i).ToArray();
        foreach (var row in _rows.Where(r => r.Result is not null)) row.Dispose();
        var rows = kept.Select(i => _rows[(int)i]).Concat(joiningRows).ToList();
        var old = _cache;
        _cache = null;
        _changed = false;
        try
        {
            if (rows.Count == 0) return;
            var parts = new List<(KvCache, long[])>();
            if (old is not null) parts.Add((old, kept));
            if (joining is { } j) parts.Add(j);
            var length = rows.Max(r => r.Known);
            var room = rows.Max(r => r.Request.MaxNewTokens - r.Tokens.Count);
            _cache = KvCache.Merge(parts, length, length + room);
        }
        finally
        {
            _rows.Clear();
            _rows.AddRange(rows);
            old?.Dispose();
        }
    }

    private (Tensor Ids, Tensor Valid) LeftPadded(IReadOnlyList<IReadOnlyList<int>> prompts, int length)
    {
        var ids = new long[prompts.Count, length];
        var valid = new bool[prompts.Count, length];
        for (var row = 0; row < prompts.Count; row++)
            for (var j = 0; j < prompts[row].Count; j++)
            {
                ids[row, length - prompts[row].Count + j] = prompts[row][j];
                valid[row, length - prompts[row].Count + j] = true;
            }
        return (tensor(ids, device: lm.Device), tensor(valid, device: lm.Device));
    }

    // logits (B, 1, V): row i's next token from row i of the logits.
    private static void Pick(IReadOnlyList<Row> rows, Tensor logits)
    {
        var greedy = rows.Any(r => r.Sampling.IsGreedy) ? logits.select(1, 0).argmax(-1).data<long>().ToArray() : null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Result is not null) continue;
            int token;
            if (row.Sampling.IsGreedy) token = (int)greedy![i];
            else
            {
                using var rowLogits = logits[i, 0];
                token = TokenSampler.Pick(rowLogits, row.Sampling, row.Random);
            }
            row.Accept(token);
        }
    }

    private sealed class Row : IDisposable
    {
        private bool _disposed;

        public Row(long id, SequenceRequest request, Device device)
        {
            Id = id;
            Request = request;
            Sampling = request.Sampling ?? SamplingOptions.Greedy;
            Known = request.Prompt.Count;
            if (!Sampling.IsGreedy) Random = new RandomGenerator(request.Seed, device);
        }

        public long Id { get; }

        public SequenceRequest Request { get; }

        public SamplingOptions Sampling { get; }

        public RandomGenerator? Random { get; }

        public List<int> Tokens { get; } = [];

        /// <summary>Real tokens in the cache (prompt and the generated tokens fed back so far).</summary>
        public long Known { get; set; }

        /// <summary>The token to feed at the next step.</summary>
        public int Last { get; private set; }

        /// <summary>Why the sequence ended (<c>stop</c>, <c>length</c>, <c>cancelled</c>), null while it decodes.</summary>
        public string? Result { get; set; }

        public void Accept(int token)
        {
            Last = token;
            if (Request.EosTokenIds?.Contains(token) == true) Result = "stop";
            else
            {
                Tokens.Add(token);
                if (Request.ShouldStop?.Invoke(Tokens) == true) Result = "stop";
                else if (Tokens.Count >= Request.MaxNewTokens) Result = "length";
            }
        }

        public FinishedSequence Finish() => new(Id, new GeneratedSequence(Tokens.ToArray(), Result!));

        // Idempotent: a row can be dropped after an error and again when the batch is cleared.
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Random?.Dispose();
        }
    }
}

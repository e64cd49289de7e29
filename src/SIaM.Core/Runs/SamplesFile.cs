using System.Text;
using System.Text.Json;
using SIaM.Core;

namespace SIaM.Core.Runs;

/// <summary>
/// <c>samples.jsonl</c>: appended one flushed line per finished sample while a run goes on (so a killed run loses at most
/// the line being written), then rewritten atomically in canonical order when the run ends.
/// </summary>
public sealed class SamplesFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly object _gate = new();
    private string? _broken;
    private IOException? _brokenBy;

    private SamplesFile(FileStream stream) => _stream = stream;

    /// <summary>
    /// Reads the samples a previous attempt left, for resuming. A torn last line (a run killed mid-write) is cut off the
    /// file; a malformed line elsewhere is an error naming the file and line. Later lines for the same sample replace
    /// earlier ones.
    /// </summary>
    public static Dictionary<(string Id, int Sample), SampleRecord> ReadExisting(string path)
    {
        var (records, goodLength) = Parse(path);
        if (File.Exists(path) && goodLength < new FileInfo(path).Length)
        {
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write);
            truncate.SetLength(goodLength);
        }
        return records;
    }

    /// <summary>Reads the samples without changing the file: a torn last line is ignored. Missing file: no samples.</summary>
    public static Dictionary<(string Id, int Sample), SampleRecord> Read(string path) => Parse(path).Records;

    private static (Dictionary<(string Id, int Sample), SampleRecord> Records, long GoodLength) Parse(string path)
    {
        var records = new Dictionary<(string, int), SampleRecord>();
        if (!File.Exists(path)) return (records, 0);
        var bytes = File.ReadAllBytes(path);
        foreach (var line in JsonLinesReader.Lines(bytes, TornLastLine.Skip))
        {
            var record = JsonLinesReader.Parse<SampleRecord>(path, line, JsonFormat.Line, "sample record");
            records[record.Key] = record;
        }
        var goodLength = JsonLinesReader.CompleteLength(bytes);
        return (records, goodLength);
    }

    /// <summary>Opens the file for appending.</summary>
    public static SamplesFile OpenForAppend(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0)); // unbuffered: a failed line can be cut off

    /// <summary>Appends one record and flushes it to the operating system. Thread-safe.</summary>
    public void Append(SampleRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, JsonFormat.Line);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        lock (_gate)
        {
            if (_broken is not null) throw new IOException($"an earlier append failed: {_broken}", _brokenBy);
            var start = _stream.Position;
            try
            {
                _stream.Write(line);
                _stream.Flush();
            }
            catch (IOException e)
            {
                // A full disk or a failing device: drop what part of the line got through, so that a resumed run
                // finds whole lines only, and refuse further appends.
                (_broken, _brokenBy) = (e.Message, e);
                try { _stream.SetLength(start); }
                catch (IOException) { }
                throw;
            }
        }
    }

    /// <summary>Rewrites <paramref name="path"/> atomically with <paramref name="records"/> in the given order.</summary>
    public static void WriteAll(string path, IEnumerable<SampleRecord> records) =>
        AtomicFile.Write(path, stream =>
        {
            foreach (var record in records)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(record, JsonFormat.Line));
                stream.WriteByte((byte)'\n');
            }
        });

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

#nullable enable
// Compiled by MSBuild's RoslynCodeTaskFactory (see PatchLibTorchSharp.targets); not part of SIaM.TorchSharp's assembly.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the Vernaux entry named <see cref="VersionName"/> in each ELF64 little-endian file, unless the
/// system libstdc++ already defines that version. Idempotent; the file is replaced, never edited in place, so a hard
/// link into the NuGet cache is never modified.
/// </summary>
public sealed class SiamMarkElfVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    /// <summary>The libstdc++ to check instead of the system's (tests of the no-op path).</summary>
    public string? SystemLibStdCxx { get; set; }

    public override bool Execute()
    {
        var systemLib = string.IsNullOrEmpty(SystemLibStdCxx) ? FindSystemLibStdCxx() : SystemLibStdCxx;
        if (systemLib != null && Contains(File.ReadAllBytes(systemLib), Encoding.ASCII.GetBytes(VersionName + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLib} defines {VersionName}: libLibTorchSharp.so left as it is.");
            return true;
        }
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var bytes = File.ReadAllBytes(path);
                var outcome = MarkWeak(bytes, VersionName);
                if (outcome == "patched")
                {
                    var temporary = path + ".siam-patch.tmp";
                    var copiedAt = File.GetLastWriteTimeUtc(path);
                    File.WriteAllBytes(temporary, bytes);
                    File.Delete(path);
                    File.Move(temporary, path);
                    // Same size and time as the package's file: incremental builds then skip the copy and keep this one.
                    File.SetLastWriteTimeUtc(path, copiedAt);
                    Log.LogMessage(MessageImportance.High, $"SIaM: marked the {VersionName} version need weak in {path}");
                }
                else
                {
                    Log.LogMessage(MessageImportance.Low, $"SIaM: {path}: {outcome}");
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError($"SIaM: cannot mark {VersionName} weak in {path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string? FindSystemLibStdCxx()
    {
        foreach (var candidate in LibStdCxxCandidates)
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>Returns "patched", "already weak" or "no such version need"; throws on a file that is not ELF64 LE.</summary>
    private static string MarkWeak(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("not a 64-bit little-endian ELF file");
        var shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var header = shoff + (long)i * shentsize;
            if (U32(elf, header + 4) != ShtGnuVerneed) continue;
            var sectionOffset = (long)U64(elf, header + 0x18);
            var count = (int)U32(elf, header + 0x2C); // sh_info: number of Verneed entries
            var link = (int)U32(elf, header + 0x28);  // sh_link: the string table
            var stringTable = (long)U64(elf, shoff + (long)link * shentsize + 0x18);
            var need = sectionOffset;
            for (var n = 0; n < count; n++)
            {
                var aux = need + U32(elf, need + 8);
                for (var a = 0; a < U16(elf, need + 2); a++)
                {
                    if (ReadString(elf, stringTable + U32(elf, aux + 8)) == versionName)
                    {
                        var flags = U16(elf, aux + 4);
                        if ((flags & VerFlgWeak) != 0) return "already weak";
                        flags |= VerFlgWeak;
                        elf[aux + 4] = (byte)(flags & 0xff);
                        elf[aux + 5] = (byte)(flags >> 8);
                        return "patched";
                    }
                    aux += U32(elf, aux + 12);
                }
                need += U32(elf, need + 12);
            }
        }
        return "no such version need";
    }

    private static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);
    private static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
    private static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

    private static string ReadString(byte[] b, long o)
    {
        var end = o;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}

using System.Security.Cryptography;

namespace SIaM.Data;

internal static class FileHash
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

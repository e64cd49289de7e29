namespace SIaM.Cli;

/// <summary>The process exit codes of every verb.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
    public const int Terminated = 143;
}

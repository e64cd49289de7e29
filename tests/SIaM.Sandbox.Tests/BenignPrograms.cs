namespace SIaM.Sandbox.Tests;

/// <summary>
/// Ordinary programs with their exact expected output: after any hostile program they must still pass. The last two
/// also see that no program left anything in the IPC places (/dev/shm, /dev/mqueue, System V) and that a POSIX
/// semaphore, which lives in /dev/shm, still works.
/// </summary>
internal static class BenignPrograms
{
    public static readonly IReadOnlyList<(string Code, string Stdout)> All =
    [
        ("print(48 / 2 + 48)", "72.0\n"),
        ("print(sum(range(101)))", "5050\n"),
        ("from fractions import Fraction\nprint(Fraction(3, 4) + Fraction(1, 6))", "11/12\n"),
        ("import sympy as sp\nx = sp.Symbol('x')\nprint(sp.solve(x**2 - 5*x + 6, x))", "[2, 3]\n"),
        ("import numpy as np\nprint(int(np.arange(10).sum()))", "45\n"),
        ("import math\nprint(math.comb(10, 3))", "120\n"),
        ("print(round(12 * 1.25 + 3.5, 2))", "18.5\n"),
        ("def f(n):\n    return 1 if n < 2 else n * f(n - 1)\nprint(f(20))", "2432902008176640000\n"),
        ("import sympy as sp\nprint(sp.Rational(1, 3) + sp.Rational(1, 6))", "1/2\n"),
        ("print(max([3, 9, 4]) - min([3, 9, 4]))", "6\n"),
        ("import os\nprint(sorted(os.listdir('.')), os.getcwd())", "[] /tmp/w\n"),
        ("open('note.txt', 'w').write('x' * 10)\nprint(len(open('note.txt').read()))", "10\n"),
        ("import os\nprint(os.environ['TZ'], os.environ['PYTHONHASHSEED'], os.getuid())", "UTC 0 65534\n"),
        ("print(hash('siam'))", $"{SiamHash}\n"),
        ("import random\nprint(random.randint(1, 10**6))", $"{SeededRandom}\n"),
        ("print('中文 ✓')", "中文 ✓\n"),
        ("import sympy as sp\nprint(sp.factorint(360))", "{2: 3, 3: 2, 5: 1}\n"),
        ("import itertools\nprint(len(list(itertools.permutations(range(5)))))", "120\n"),
        ("total = 0\nfor i in range(1, 11):\n    total += i * i\nprint(total)", "385\n"),
        ("print(divmod(1234, 7))", "(176, 2)\n"),
        ("import os\nprint(os.listdir('/dev/shm'), os.listdir('/dev/mqueue'), [len(open('/proc/sysvipc/' + t).readlines()) for t in ('shm', 'msg', 'sem')])",
            "[] [] [1, 1, 1]\n"),
        ("import multiprocessing\nwith multiprocessing.Lock():\n    print('locked')", "locked\n"),
    ];

    /// <summary>hash('siam') with PYTHONHASHSEED=0 on Python 3.11 (stable for a fixed seed).</summary>
    public const string SiamHash = "-2823467484159703425";

    /// <summary>random.randint(1, 10**6) after random.seed(0).</summary>
    public const string SeededRandom = "885441";
}

using System.Text.Json;
using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>
/// Every program starts from the same empty state: nothing one program writes, anywhere, is seen by the next. One
/// worker, so that consecutive programs run in the same container.
/// </summary>
[TestFixture]
[Category("Docker")]
public sealed class ProgramStateTests
{
    private DockerSandboxPool _pool = null!;

    [OneTimeSetUp]
    public async Task Start_a_one_worker_pool() =>
        _pool = await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 1 });

    [OneTimeTearDown]
    public async Task Stop_the_pool() => await _pool.DisposeAsync();

    [Test]
    public async Task Entries_a_program_leaves_in_every_writable_place_are_gone_for_the_next_program()
    {
        // Arrange: a file, a locked directory tree and a POSIX queue (an entry of /dev/mqueue) in each place
        var leave = await RunAsync(
            "import os\nfor place in ('/tmp', '/tmp/w', '/dev/shm', '/dev/mqueue'):\n" +
            "    fd = os.open(place + '/left', os.O_CREAT | os.O_WRONLY, 0o600)\n" +
            "    if place != '/dev/mqueue':\n        os.write(fd, b'x')\n    os.close(fd)\n" +
            "for place in ('/tmp', '/tmp/w', '/dev/shm'):\n" +
            "    os.makedirs(place + '/a/b')\n    open(place + '/a/b/f', 'w').write('x')\n    os.chmod(place + '/a/b', 0)\n    os.chmod(place + '/a', 0)\n" +
            "print(sorted(os.listdir('/dev/shm')), sorted(os.listdir('/dev/mqueue')))");

        // Act
        var look = await RunAsync("import os\nprint([sorted(os.listdir(p)) for p in ('/tmp', '/tmp/w', '/dev/shm', '/dev/mqueue')])");

        // Assert
        Assert.That(leave.Stdout, Is.EqualTo("['a', 'left'] ['left']\n"), leave.Stderr);
        Assert.That(look.Stdout, Is.EqualTo("[['w'], [], [], []]\n"), look.Stderr);
    }

    [Test]
    public async Task Posix_and_system_v_ipc_objects_left_open_by_a_program_are_gone_for_the_next_program()
    {
        // Arrange: POSIX shared memory and a message queue with a message in it, a System V segment (attached and
        // written), a queue with a message and a semaphore set under a fixed key, all held open by a daemon it leaves
        var leave = await RunAsync(
            "import ctypes, mmap, os, time\nlibc = ctypes.CDLL(None, use_errno=True)\n" +
            "fd = libc.shm_open(b'/siam-left', os.O_CREAT | os.O_RDWR, 0o600)\nos.ftruncate(fd, 1 << 20)\n" +
            "mapped = mmap.mmap(fd, 1 << 20)\nmapped[:5] = b'hello'\n" +
            "q = libc.mq_open(b'/siam-left', os.O_CREAT | os.O_RDWR, 0o600, None)\nsent = libc.mq_send(q, b'hello', 5, 0)\n" +
            "shm = libc.shmget(0x51a4, 1 << 20, 0o1600)\nlibc.shmat.restype = ctypes.c_void_p\nctypes.memmove(libc.shmat(shm, None, 0), b'hello', 5)\n" +
            "msg = libc.msgget(0x51a4, 0o1600)\nqueued = libc.msgsnd(msg, ctypes.create_string_buffer(b'\\x01' + b'\\x00' * 7 + b'hello'), 5, 0)\n" +
            "sem = libc.semget(0x51a4, 1, 0o1600)\n" +
            "if os.fork() == 0:\n    os.setsid()\n    time.sleep(10 ** 6)\n" +
            "print(min(fd, q, shm, msg, sem) >= 0, sent, queued, [len(open('/proc/sysvipc/' + t).readlines()) - 1 for t in ('shm', 'msg', 'sem')])");

        // Act: look each object up by its name or key, without creating it
        var look = await RunAsync(
            "import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\n" +
            "def found(result):\n    return result >= 0 or os.strerror(ctypes.get_errno())\n" +
            "print(found(libc.shm_open(b'/siam-left', os.O_RDWR, 0)), found(libc.mq_open(b'/siam-left', os.O_RDWR)))\n" +
            "print(found(libc.shmget(0x51a4, 0, 0)), found(libc.msgget(0x51a4, 0)), found(libc.semget(0x51a4, 0, 0)))\n" +
            "print(os.listdir('/dev/shm'), os.listdir('/dev/mqueue'), [len(open('/proc/sysvipc/' + t).readlines()) - 1 for t in ('shm', 'msg', 'sem')])");

        // Assert
        Assert.That(leave.Stdout, Is.EqualTo("True 0 0 [1, 1, 1]\n"), leave.Stderr);
        Assert.That(look.Stdout, Is.EqualTo(
            "No such file or directory No such file or directory\n" +
            "No such file or directory No such file or directory No such file or directory\n" +
            "[] [] [0, 0, 0]\n"), look.Stderr);
    }

    [Test]
    public async Task A_program_that_fills_dev_shm_leaves_it_empty_and_usable_for_the_next_program()
    {
        // Arrange: files under the file-size limit until the tmpfs is full
        var fill = await _pool.RunPythonAsync(
            "import itertools\nfor i in itertools.count():\n    with open('/dev/shm/fill%d' % i, 'wb') as f:\n" +
            "        for _ in range(8):\n            f.write(b'0' * (1 << 20))",
            CancellationToken.None);

        // Act: the whole /dev/shm is free again, a POSIX semaphore (multiprocessing's lock lives there) works and a
        // program can write most of it
        var next = await RunAsync(
            "import multiprocessing, os\ns = os.statvfs('/dev/shm')\nprint(s.f_bfree == s.f_blocks, s.f_blocks * s.f_frsize >> 20)\n" +
            "with multiprocessing.Lock():\n    open('/dev/shm/big', 'wb').write(b'0' * (48 << 20))\nprint('locked and written')");

        // Assert
        Assert.That(fill.Status, Is.EqualTo(ExecStatus.Error), fill.Stdout);
        Assert.That(fill.Stderr, Does.Contain("No space left on device"));
        Assert.That(next.Stdout, Is.EqualTo($"True {SharedPool.Policy.ScratchMiB}\nlocked and written\n"), next.Stderr);
    }

    [Test]
    public async Task Every_writable_place_in_the_container_is_one_the_worker_wipes()
    {
        // Arrange: walk every read-write mount (each from its own mount point) and list the directories and regular
        // files a program may write; devices, links, sockets and fifos hold nothing once their holders are gone, and
        // /proc/<pid> holds the settings of a live process that end with it
        const string walk =
            "import json, os, stat\nmounts = {}\n" +
            "for line in open('/proc/self/mountinfo'):\n    f = line.split()\n" +
            "    mounts[f[4].replace('\\\\040', ' ')] = 'ro' not in f[5].split(',') + f[f.index('-') + 3].split(',')\n" +
            "found = []\nfor top in sorted(p for p, rw in mounts.items() if rw):\n    stack = [top]\n    while stack:\n" +
            "        path = stack.pop()\n        st = os.lstat(path)\n" +
            "        if stat.S_ISREG(st.st_mode) and os.access(path, os.W_OK):\n            found.append(path)\n" +
            "        if not stat.S_ISDIR(st.st_mode):\n            continue\n" +
            "        if os.access(path, os.W_OK):\n            found.append(path)\n" +
            "        try:\n            names = os.listdir(path)\n        except OSError:\n            continue\n" +
            "        for name in names:\n            child = os.path.join(path, name)\n" +
            "            if child not in mounts and not (path == '/proc' and (name.isdigit() or name in ('self', 'thread-self'))):\n" +
            "                stack.append(child)\n" +
            "print(json.dumps({'mounts': sorted(mounts), 'writable': sorted(found)}))";

        // Act
        var result = await RunAsync(walk);
        var listing = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(result.Stdout)!;

        // Assert: the walk saw the wiped places (so it works), and found nothing writable outside them
        Assert.That(listing["mounts"], Is.SupersetOf(WritablePlaces.Wiped), result.Stdout);
        Assert.That(listing["writable"], Is.SupersetOf(WritablePlaces.Wiped.Append(WritablePlaces.WorkDirectory)), result.Stdout);
        Assert.That(listing["writable"].Where(path => !WritablePlaces.Covers(path) && !HoldsNothingOnceClosed(path)), Is.Empty,
            "writable places the worker does not wipe; wipe them in image/worker.py and list them in WritablePlaces");
    }

    /// <summary>
    /// The pressure (PSI) files are writable by everyone, but a write there makes a trigger that lives only as long as
    /// the open file: the program's death removes it.
    /// </summary>
    private static bool HoldsNothingOnceClosed(string path) => path.StartsWith("/proc/pressure/", StringComparison.Ordinal);

    private async Task<ExecResult> RunAsync(string code)
    {
        var result = await _pool.RunPythonAsync(code, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Ok), $"stdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result;
    }
}

/*
 * A slow disk for one process, as an LD_PRELOAD shim: write, pwrite, writev,
 * pwritev (and their 64-bit and v2 names), fsync and fdatasync on regular
 * files sleep for a number of milliseconds before doing the real call.
 * Sockets, pipes and terminals are not delayed (checked with fstat), so only
 * the disk is slow, not the network or the logs on stdout.
 *
 * The delay is read from the file RUNNEL_SLOW_DISK_CONTROL names: a decimal
 * number of milliseconds (missing, empty or unparsable: 0). It is re-read at
 * most every 100 ms, so a test turns the fault on and off by rewriting that
 * file while the process runs. Without the variable the shim does nothing.
 *
 * Node does its file I/O from libuv's threads through these libc calls
 * (libuv finds pwritev with dlsym, which also resolves to this shim), so the
 * shim slows a real service. libuv's io_uring path would bypass libc; the
 * harness starts shimmed processes with UV_USE_IO_URING=0.
 *
 * Built by slow-disk.ts: gcc -O2 -shared -fPIC -o slow-disk.so slow-disk.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* How often the control file is read again, in nanoseconds. */
#define RELOAD_INTERVAL_NS (100LL * 1000 * 1000)
/* The longest delay honoured, in milliseconds (a minute). */
#define DELAY_MAX_MS 60000L

static _Atomic long delay_ms = 0;
static _Atomic long long next_reload_ns = 0;
static _Atomic int reloading = 0;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Reads the control file when the last read is older than RELOAD_INTERVAL_NS. One thread reads at a time. */
static void maybe_reload(void) {
  long long now = now_ns();
  if (now < atomic_load_explicit(&next_reload_ns, memory_order_relaxed)) return;
  if (atomic_exchange(&reloading, 1)) return;
  int saved_errno = errno;
  const char *path = getenv("RUNNEL_SLOW_DISK_CONTROL");
  long ms = 0;
  if (path != NULL && path[0] != '\0') {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      char buf[32];
      ssize_t n = read(fd, buf, sizeof buf - 1);
      close(fd);
      if (n > 0) {
        buf[n] = '\0';
        char *end = NULL;
        long v = strtol(buf, &end, 10);
        if (end != buf && v > 0) ms = v > DELAY_MAX_MS ? DELAY_MAX_MS : v;
      }
    }
  }
  atomic_store(&delay_ms, ms);
  atomic_store(&next_reload_ns, now + RELOAD_INTERVAL_NS);
  atomic_store(&reloading, 0);
  errno = saved_errno;
}

/* Sleeps for the current delay if `fd` is a regular file; keeps errno as it was. */
static void slow(int fd) {
  maybe_reload();
  long ms = atomic_load_explicit(&delay_ms, memory_order_relaxed);
  if (ms <= 0) return;
  int saved_errno = errno;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
  }
  errno = saved_errno;
}

/* The next definition of `name` after this shim's, looked up once. */
#define REAL(name, ret, params)                                              \
  static ret(*real_##name) params = NULL;                                    \
  if (real_##name == NULL) real_##name = (ret(*) params)dlsym(RTLD_NEXT, #name); \
  if (real_##name == NULL) {                                                 \
    errno = ENOSYS;                                                          \
    return -1;                                                               \
  }

ssize_t write(int fd, const void *buf, size_t count) {
  REAL(write, ssize_t, (int, const void *, size_t));
  slow(fd);
  return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
  REAL(pwrite, ssize_t, (int, const void *, size_t, off_t));
  slow(fd);
  return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset) {
  REAL(pwrite64, ssize_t, (int, const void *, size_t, off64_t));
  slow(fd);
  return real_pwrite64(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
  REAL(writev, ssize_t, (int, const struct iovec *, int));
  slow(fd);
  return real_writev(fd, iov, iovcnt);
}

ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) {
  REAL(pwritev, ssize_t, (int, const struct iovec *, int, off_t));
  slow(fd);
  return real_pwritev(fd, iov, iovcnt, offset);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int iovcnt, off64_t offset) {
  REAL(pwritev64, ssize_t, (int, const struct iovec *, int, off64_t));
  slow(fd);
  return real_pwritev64(fd, iov, iovcnt, offset);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int flags) {
  REAL(pwritev2, ssize_t, (int, const struct iovec *, int, off_t, int));
  slow(fd);
  return real_pwritev2(fd, iov, iovcnt, offset, flags);
}

ssize_t pwritev64v2(int fd, const struct iovec *iov, int iovcnt, off64_t offset, int flags) {
  REAL(pwritev64v2, ssize_t, (int, const struct iovec *, int, off64_t, int));
  slow(fd);
  return real_pwritev64v2(fd, iov, iovcnt, offset, flags);
}

int fsync(int fd) {
  REAL(fsync, int, (int));
  slow(fd);
  return real_fsync(fd);
}

int fdatasync(int fd) {
  REAL(fdatasync, int, (int));
  slow(fd);
  return real_fdatasync(fd);
}

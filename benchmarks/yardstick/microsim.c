/*
 * bijstandsim's C yardstick for the microsim-v1 workload (docs/microsim-v1.md):
 * the same simulation in plain C with pthreads, to put the engine's speed next to
 * what compiled code does on the same machine in the same run.
 *
 * Build (benchmarks/yardstick.mjs does this when a C compiler is present):
 *   cc -O3 -march=native -std=c11 -ffp-contract=off -pthread -o microsim microsim.c -lm
 * Run:
 *   ./microsim -n 1000000 -t 120 -k alias -j 2 -r 3
 * prints one JSON line per run:
 *   {"kernel":"alias","threads":2,"n":1000000,"t":120,"wall_s":...,"cpu_s":...,"checksum":86455897135}
 * wall_s is CLOCK_MONOTONIC around the simulation (threads started and joined
 * inside it), cpu_s the process CPU time over the same interval (all threads).
 * The tables are built before the clock starts; the program refuses to run when
 * their FNV-1a check value differs from the specification's.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { NS = 12, BLOCK = 1024, MAX_THREADS = 64 };
static const uint64_t MATRIX_SEED = 42, SIM_SEED = 12345;
static const uint64_t TABLES_FNV = 0x3CE32BF80387264AULL;

/* ---- random numbers ---------------------------------------------------- */

static uint64_t sm64_next(uint64_t *x)
{
    uint64_t z = *x += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct { uint32_t w[4]; } stream_t;

static stream_t stream_for_block(uint64_t block)
{
    uint64_t x = SIM_SEED + block;
    uint64_t a = sm64_next(&x), b = sm64_next(&x);
    stream_t g = { { (uint32_t)a, (uint32_t)(a >> 32), (uint32_t)b, (uint32_t)(b >> 32) } };
    if ((g.w[0] | g.w[1] | g.w[2] | g.w[3]) == 0) g.w[0] = 1;
    return g;
}

static inline uint32_t rol32(uint32_t v, unsigned k) { return (v << k) | (v >> (32 - k)); }

/* ---- tables ------------------------------------------------------------- */

static double P[NS][NS], CUM[NS][NS], PROB[NS][NS];
static uint8_t ALIAS[NS][NS];
/* integer forms (docs/microsim-v1.md, 8.3) */
static uint64_t SCAN_THR[NS][NS];   /* ceil(CUM * 2^32), up to 2^32 */
static uint32_t ALIAS_THR[NS][NS];  /* ceil(PROB * 2^32), 2^32 stored as 2^32 - 1 */

static void build_tables(void)
{
    uint64_t x = MATRIX_SEED;
    for (int i = 0; i < NS; i++) {
        double w[NS] = { 0 }, W = 0.0;
        for (int j = 0; j < NS; j++) {
            if (j == i) continue;
            double u = (double)(sm64_next(&x) >> 11) * 0x1p-53;
            w[j] = 1.0 + u * 9.0;
        }
        for (int j = 0; j < NS; j++) if (j != i) W = W + w[j];
        for (int j = 0; j < NS; j++) P[i][j] = j == i ? 0.9 : (w[j] / W) * 0.1;

        double c = 0.0;
        for (int j = 0; j < NS; j++) { c = c + P[i][j]; CUM[i][j] = c; }
        CUM[i][NS - 1] = 1.0;

        double q[NS];
        int small[NS], large[NS], ns = 0, nl = 0;
        for (int j = 0; j < NS; j++) {
            q[j] = P[i][j] * 12.0;
            if (q[j] < 1.0) small[ns++] = j; else large[nl++] = j;
        }
        while (ns > 0 && nl > 0) {
            int l = small[--ns], g = large[--nl];
            PROB[i][l] = q[l];
            ALIAS[i][l] = (uint8_t)g;
            q[g] = (q[g] + q[l]) - 1.0;
            if (q[g] < 1.0) small[ns++] = g; else large[nl++] = g;
        }
        while (nl > 0) { int g = large[--nl]; PROB[i][g] = 1.0; ALIAS[i][g] = (uint8_t)g; }
        while (ns > 0) { int l = small[--ns]; PROB[i][l] = 1.0; ALIAS[i][l] = (uint8_t)l; }

        for (int j = 0; j < NS; j++) {
            SCAN_THR[i][j] = (uint64_t)ceil(CUM[i][j] * 0x1p32);
            double a = ceil(PROB[i][j] * 0x1p32);
            ALIAS_THR[i][j] = a >= 0x1p32 ? UINT32_MAX : (uint32_t)a;
        }
    }
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t k = 0; k < len; k++) h = (h ^ p[k]) * 0x100000001B3ULL;
    return h;
}

static uint64_t tables_hash(void)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    h = fnv1a(h, P, sizeof P);
    h = fnv1a(h, CUM, sizeof CUM);
    h = fnv1a(h, PROB, sizeof PROB);
    return fnv1a(h, ALIAS, sizeof ALIAS);
}

/* ---- the simulation ------------------------------------------------------ */

typedef struct {
    int alias;
    long n, first_block, blocks;
    int t;
    uint64_t *occ; /* t x NS, this thread's counts */
} job_t;

/*
 * One block, all steps: the block's n persons have their states in st. alias_on is a
 * compile-time constant in each of the two copies the compiler makes, so the person
 * loop carries no kernel test; the alias choice is a select, not a branch (the
 * outcome is close to a coin toss for some cells, which a branch would mispredict).
 */
static inline void step_block(const int alias_on, int t_steps, uint64_t *occ, uint8_t *st, long n, stream_t g)
{
    uint32_t s0 = g.w[0], s1 = g.w[1], s2 = g.w[2], s3 = g.w[3];
    uint32_t counts[NS];
    for (int t = 0; t < t_steps; t++) {
        memset(counts, 0, sizeof counts);
        for (long p = 0; p < n; p++) {
            uint32_t r = rol32(s1 * 5u, 7) * 9u, sh = s1 << 9;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= sh; s3 = rol32(s3, 11);
            unsigned i = st[p], next;
            if (alias_on) {
                uint64_t v = (uint64_t)r * NS;
                unsigned col = (unsigned)(v >> 32), other = ALIAS[i][col];
                unsigned keep = 0u - (unsigned)((uint32_t)v < ALIAS_THR[i][col]);
                next = other ^ ((col ^ other) & keep);
            } else {
                /* thresholds ascend, so "smallest j with r < thr" = how many are <= r */
                next = 0;
                for (int j = 0; j < NS - 1; j++) next += SCAN_THR[i][j] <= r;
            }
            st[p] = (uint8_t)next;
            counts[next]++;
        }
        uint64_t *row = occ + (size_t)t * NS;
        for (int s = 0; s < NS; s++) row[s] += counts[s];
    }
}

static void alias_block(const job_t *job, uint8_t *st, long n, stream_t g) { step_block(1, job->t, job->occ, st, n, g); }
static void scan_block(const job_t *job, uint8_t *st, long n, stream_t g) { step_block(0, job->t, job->occ, st, n, g); }

static void *run_job(void *arg)
{
    job_t *job = arg;
    uint8_t st[BLOCK];
    for (long b = job->first_block; b < job->first_block + job->blocks; b++) {
        long first = b * BLOCK, n = job->n - first < BLOCK ? job->n - first : BLOCK;
        for (long p = 0; p < n; p++) st[p] = (uint8_t)((first + p) % NS);
        (job->alias ? alias_block : scan_block)(job, st, n, stream_for_block((uint64_t)b));
    }
    return NULL;
}

static double seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    long n = 1000000;
    int t = 120, threads = 1, reps = 1, alias = 1;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "-n")) n = atol(argv[a + 1]);
        else if (!strcmp(argv[a], "-t")) t = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "-j")) threads = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "-r")) reps = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "-k") && !strcmp(argv[a + 1], "scan")) alias = 0;
        else if (!strcmp(argv[a], "-k") && !strcmp(argv[a + 1], "alias")) alias = 1;
        else { fprintf(stderr, "usage: %s [-n N] [-t T] [-k alias|scan] [-j threads] [-r runs]\n", argv[0]); return 2; }
    }
    if (n < 1 || t < 1 || threads < 1 || threads > MAX_THREADS || reps < 1) {
        fprintf(stderr, "microsim: N, T, runs >= 1 and threads in 1..%d\n", MAX_THREADS);
        return 2;
    }
    build_tables();
    if (tables_hash() != TABLES_FNV) {
        fprintf(stderr, "microsim: tables hash %016llx, the specification says %016llx: "
                        "built with floating-point contraction? (use -std=c11 -ffp-contract=off)\n",
                (unsigned long long)tables_hash(), (unsigned long long)TABLES_FNV);
        return 1;
    }
    long blocks = (n + BLOCK - 1) / BLOCK;
    if (threads > blocks) threads = (int)blocks;
    uint64_t *occ = calloc((size_t)threads * t * NS, sizeof *occ);
    if (!occ) { fprintf(stderr, "microsim: out of memory\n"); return 1; }

    for (int rep = 0; rep < reps; rep++) {
        memset(occ, 0, (size_t)threads * t * NS * sizeof *occ);
        job_t jobs[MAX_THREADS];
        pthread_t tid[MAX_THREADS];
        double wall0 = seconds(CLOCK_MONOTONIC), cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int k = 0; k < threads; k++) {
            long from = blocks * k / threads, to = blocks * (k + 1) / threads;
            jobs[k] = (job_t){ alias, n, from, to - from, t, occ + (size_t)k * t * NS };
            if (k > 0 && pthread_create(&tid[k], NULL, run_job, &jobs[k]) != 0) {
                fprintf(stderr, "microsim: cannot start a thread\n");
                return 1;
            }
        }
        run_job(&jobs[0]); /* the main thread takes the first range */
        for (int k = 1; k < threads; k++) pthread_join(tid[k], NULL);
        double wall = seconds(CLOCK_MONOTONIC) - wall0, cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;

        uint64_t checksum = 0;
        for (int step = 0; step < t; step++)
            for (int s = 0; s < NS; s++) {
                uint64_t count = 0;
                for (int k = 0; k < threads; k++) count += occ[(size_t)k * t * NS + (size_t)step * NS + s];
                checksum += count * (uint64_t)(step * NS + s + 1);
            }
        printf("{\"kernel\":\"%s\",\"threads\":%d,\"n\":%ld,\"t\":%d,\"wall_s\":%.6f,\"cpu_s\":%.6f,\"checksum\":%llu}\n",
               alias ? "alias" : "scan", threads, n, t, wall, cpu, (unsigned long long)checksum);
        fflush(stdout);
    }
    free(occ);
    return 0;
}

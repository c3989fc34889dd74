;; The microsimulation kernel in WebAssembly: the block loop of step.ts (aliasBlock,
;; scanBlock) with the same integer tables (tables.ts), the same xoshiro128** stream
;; and the same draw order, so it leaves the same states, streams and counts.
;;
;; Built to dist/engine/microsim/kernel.wasm by bin/build-wasm.mjs (wabt's
;; wat2wasm); driven by kernel-wasm.ts, one call per block of persons.
;;
;; Memory (byte addresses). The hot loop's data sit at fixed addresses, so that the
;; compiled loop needs no registers for them (V8 then spills nothing to the stack):
;;   0       COUNTS     S x i32: persons per state in the current step (scratch)
;;   65536   STREAM     4 x i32: the block's xoshiro128** state s0..s3, in and out
;;   65552   CURRENT    i32: address (in the sampler) of the matrix now in TABLE, or -1
;;   131072  STATES_END the block's n states (i32) lie just below it, in and out
;;   131136  TABLE      the tables of the current step's matrix, copied from the sampler
;;   further on, placed by kernel-wasm.ts: the sampler (Sampler.cells, all matrices),
;;   matrixAt (steps x i32: sampler address of step t's matrix), occ (steps x S x f64).
;; The caller checks the states (0..S-1), the matrices and the sizes; the kernels
;; trust them. n >= 1, steps >= 1.
(module
  (import "env" "memory" (memory 3))

  ;; Zeroes the counts.
  (func $zero (param $S i32)
    (local $c i32) (local $end i32)
    (local.set $end (i32.shl (local.get $S) (i32.const 2)))
    (loop $each
      (i32.store (local.get $c) (i32.const 0))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br_if $each (i32.lt_u (local.get $c) (local.get $end)))))

  ;; End of a step: occ[t][s] += counts[s], counts[s] = 0.
  (func $flush (param $S i32) (param $occRow i32)
    (local $c i32) (local $end i32)
    (local.set $end (i32.shl (local.get $S) (i32.const 2)))
    (loop $each
      (f64.store (local.get $occRow)
        (f64.add (f64.load (local.get $occRow)) (f64.convert_i32_u (i32.load (local.get $c)))))
      (i32.store (local.get $c) (i32.const 0))
      (local.set $occRow (i32.add (local.get $occRow) (i32.const 8)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br_if $each (i32.lt_u (local.get $c) (local.get $end)))))

  ;; Start of step t: brings the step's matrix into TABLE unless it is there already.
  (func $matrix (param $matrixAt i32) (param $t i32) (param $matrixBytes i32)
    (local $from i32)
    (local.set $from (i32.load (i32.add (local.get $matrixAt) (i32.shl (local.get $t) (i32.const 2)))))
    (if (i32.ne (local.get $from) (i32.load (i32.const 65552)))
      (then
        (memory.copy (i32.const 131136) (local.get $from) (local.get $matrixBytes))
        (i32.store (i32.const 65552) (local.get $from)))))

  ;; Alias sampling, one block, all steps. Per person: draw r; the product
  ;; (state 2^32 + r) 2S has the high word state 2S + c2, the index of the person's
  ;; half-column cell, and the low word lo (2S r = c2 2^32 + lo). The cell of
  ;; tables.ts (aliasCells) is [t, alias | (column - alias) << 16]: the column when
  ;; lo / 2 < t, else the alias. kernel-wasm.ts copies it as [2t, alias | column << 16]
  ;; (little-endian: the alias is the u16 at +4, the column the u16 at +6), so the
  ;; test is lo < 2t unsigned (lo is even: the same test) and the column needs no
  ;; addition: two instructions less per person. A select, not a branch: the outcome
  ;; is close to a coin toss in some cells.
  ;;
  ;; Measured choices (V8, x64): states as i32 rather than u16 (a 2-byte load right
  ;; after a 2-byte store to the same word was slower); a select rather than the JS
  ;; kernel's mask arithmetic; the two 16-bit fields loaded apart rather than shifted
  ;; out of one word; one person per loop iteration (V8 unrolls this loop itself;
  ;; unrolling it by hand made it spill registers: four persons per iteration took 2
  ;; instructions less per person but no less time, 2026-12-02).
  (func (export "alias")
    (param $n i32) (param $S i32) (param $steps i32) (param $matrixAt i32)
    (param $matrixBytes i32) (param $occ i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $r i32) (local $x i32) (local $prod i64) (local $halves i64)
    (local $t i32) (local $p i32) (local $first i32)
    (local $cell i32) (local $next i32) (local $c i32)
    (local.set $s0 (i32.load (i32.const 65536)))
    (local.set $s1 (i32.load (i32.const 65540)))
    (local.set $s2 (i32.load (i32.const 65544)))
    (local.set $s3 (i32.load (i32.const 65548)))
    (local.set $halves (i64.extend_i32_u (i32.shl (local.get $S) (i32.const 1))))
    (local.set $first (i32.sub (i32.const 131072) (i32.shl (local.get $n) (i32.const 2))))
    (call $zero (local.get $S))
    (loop $step
      (call $matrix (local.get $matrixAt) (local.get $t) (local.get $matrixBytes))
      (local.set $p (local.get $first))
      (loop $person
        ;; xoshiro128**: the output from the old s1, then the state update
        (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $x (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $x)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $prod
          (i64.mul
            (i64.or (i64.shl (i64.load32_u (local.get $p)) (i64.const 32)) (i64.extend_i32_u (local.get $r)))
            (local.get $halves)))
        (local.set $cell (i32.shl (i32.wrap_i64 (i64.shr_u (local.get $prod) (i64.const 32))) (i32.const 3)))
        ;; x is free again here: it holds the alias
        (local.set $x (i32.load16_u offset=131140 (local.get $cell)))
        (local.set $next
          (select
            (i32.load16_u offset=131142 (local.get $cell))
            (local.get $x)
            (i32.lt_u
              (i32.wrap_i64 (local.get $prod))
              (i32.load offset=131136 (local.get $cell)))))
        (i32.store (local.get $p) (local.get $next))
        (local.set $c (i32.shl (local.get $next) (i32.const 2)))
        (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $person (i32.lt_u (local.get $p) (i32.const 131072))))
      (call $flush (local.get $S)
        (i32.add (local.get $occ) (i32.shl (i32.mul (local.get $t) (local.get $S)) (i32.const 3))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $step (i32.lt_u (local.get $t) (local.get $steps))))
    (i32.store (i32.const 65536) (local.get $s0))
    (i32.store (i32.const 65540) (local.get $s1))
    (i32.store (i32.const 65544) (local.get $s2))
    (i32.store (i32.const 65548) (local.get $s3)))

  ;; Inverse-CDF sampling, one block, all steps (tables.ts, scanCells). Row of S + 3
  ;; words: [last, mode, low, high, thr_0 .. thr_{last-1}], thresholds biased by
  ;; 2^31, so the draw is biased too and compared signed. The mode's interval
  ;; [low, high) is tried first, then the row is scanned from state 0.
  (func (export "scan")
    (param $n i32) (param $S i32) (param $steps i32) (param $matrixAt i32)
    (param $matrixBytes i32) (param $occ i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $r i32) (local $x i32) (local $rowBytes i32)
    (local $t i32) (local $p i32) (local $first i32)
    (local $row i32) (local $next i32) (local $last i32) (local $thr i32) (local $c i32)
    (local.set $s0 (i32.load (i32.const 65536)))
    (local.set $s1 (i32.load (i32.const 65540)))
    (local.set $s2 (i32.load (i32.const 65544)))
    (local.set $s3 (i32.load (i32.const 65548)))
    (local.set $rowBytes (i32.shl (i32.add (local.get $S) (i32.const 3)) (i32.const 2)))
    (local.set $first (i32.sub (i32.const 131072) (i32.shl (local.get $n) (i32.const 2))))
    (call $zero (local.get $S))
    (loop $step
      (call $matrix (local.get $matrixAt) (local.get $t) (local.get $matrixBytes))
      (local.set $p (local.get $first))
      (loop $person
        (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $x (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $x)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $r (i32.xor (local.get $r) (i32.const 0x80000000)))
        (local.set $row (i32.mul (i32.load (local.get $p)) (local.get $rowBytes)))
        (if (i32.and
              (i32.ge_s (local.get $r) (i32.load offset=131144 (local.get $row)))
              (i32.lt_s (local.get $r) (i32.load offset=131148 (local.get $row))))
          (then (local.set $next (i32.load offset=131140 (local.get $row))))
          (else
            (local.set $last (i32.load offset=131136 (local.get $row)))
            (local.set $next (i32.const 0))
            (local.set $thr (local.get $row))
            (block $found
              (loop $scan
                (br_if $found (i32.ge_s (local.get $next) (local.get $last)))
                (br_if $found (i32.lt_s (local.get $r) (i32.load offset=131152 (local.get $thr))))
                (local.set $next (i32.add (local.get $next) (i32.const 1)))
                (local.set $thr (i32.add (local.get $thr) (i32.const 4)))
                (br $scan)))))
        (i32.store (local.get $p) (local.get $next))
        (local.set $c (i32.shl (local.get $next) (i32.const 2)))
        (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $person (i32.lt_u (local.get $p) (i32.const 131072))))
      (call $flush (local.get $S)
        (i32.add (local.get $occ) (i32.shl (i32.mul (local.get $t) (local.get $S)) (i32.const 3))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $step (i32.lt_u (local.get $t) (local.get $steps))))
    (i32.store (i32.const 65536) (local.get $s0))
    (i32.store (i32.const 65540) (local.get $s1))
    (i32.store (i32.const 65544) (local.get $s2))
    (i32.store (i32.const 65548) (local.get $s3))))

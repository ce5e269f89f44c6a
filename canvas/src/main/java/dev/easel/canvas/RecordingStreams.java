package dev.easel.canvas;

import java.util.Arrays;

/**
 * The storage of a {@link DisplayList}: the int stream of opcodes and operands and the double stream
 * of numbers, each a list of chunks kept from frame to frame, plus the object and byte streams.
 *
 * <p>Why chunks: one growing array is copied at every doubling, and a 1,000,000-line frame then
 * needs a 32 MB array that the collector treats as a humongous object. Chunks are filled in order
 * and never copied; a frame bigger than any before only adds chunks, and the next frames reuse
 * them. Chunk sizes grow by 4 up to a fixed size (256 KB of numbers), so a small list stays small.
 * A block of numbers that one command needs together (a 100,000-point polygon) gets a chunk of its
 * own size, reused by later frames that need no more.
 *
 * <p>A command's numbers never span chunks: when they do not fit, the recorder writes
 * {@link Op#NEXT_NUMS} into the op stream and continues in the next number chunk, and a run of
 * shapes ({@code LINES} and co.) is then continued by a new run command. The op stream moves to
 * its next chunk the same way, silently: the reader knows each chunk's end.
 */
abstract sealed class RecordingStreams permits StateRecorder {
    static final int MIN_OP_CHUNK = 256;
    static final int OP_CHUNK = 1 << 14;
    static final int MIN_NUM_CHUNK = 1024;
    /** 32K doubles = 256 KB: under G1's humongous threshold (half a region, 512 KB at least). */
    static final int NUM_CHUNK = 1 << 15;
    private static final int MIN_OBJS = 16;
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Frames over which peak usage is watched before chunks no recent frame needed are dropped. */
    private static final int SIZING_WINDOW = 60;

    int[][] opChunks = new int[4][];
    /** Where each op chunk before the current one ends. */
    int[] opEnds = new int[4];
    int opChunk;
    int[] ops;
    int opCount;

    double[][] numChunks = new double[4][];
    int numChunk;
    double[] nums;
    int numCount;

    Object[] objs = new Object[MIN_OBJS];
    int objCount;
    byte[] bytes = new byte[0];
    int byteCount;

    /** Index in {@code ops} (the current chunk) of the last command's opcode, for run merging; or -1. */
    int lastOp = -1;
    int commands;
    /** Ints and numbers used in the chunks before the current ones. */
    private long opsBefore;
    private long numsBefore;
    private long allocations;

    private int sizingFrames;
    private int peakOpChunks;
    private int peakNumChunks;
    private int peakObjs;
    private int peakBytes;

    RecordingStreams() {
        ops = opChunks[0] = new int[MIN_OP_CHUNK];
        nums = numChunks[0] = new double[MIN_NUM_CHUNK];
        allocations = 2;
    }

    /** Number of commands recorded (a merged run counts once; a run crossing a chunk, twice). */
    public int commandCount() {
        return commands;
    }

    /** Bytes used by the recorded streams (ints, doubles, object references at 8, pixel bytes). */
    public long sizeBytes() {
        return (opsBefore + opCount) * 4L + (numsBefore + numCount) * 8L + objCount * 8L + byteCount;
    }

    /** Bytes reserved by the streams; stays constant across frames in steady state. */
    public long capacityBytes() {
        long n = objs.length * 8L + bytes.length;
        for (int[] c : opChunks) {
            n += c == null ? 0 : c.length * 4L;
        }
        for (double[] c : numChunks) {
            n += c == null ? 0 : c.length * 8L;
        }
        return n;
    }

    /**
     * How many arrays the streams have allocated since the list was made (chunks and the growth of
     * the object and byte streams). Constant from frame to frame once frames stop getting bigger.
     */
    public long allocations() {
        return allocations;
    }

    // ------------------------------------------------------------------------------------ ops

    /** Makes room for {@code n} ints in the current op chunk, moving to the next chunk if needed. */
    final void ensureOps(int n) {
        if (opCount + n > ops.length) {
            nextOpChunk(n);
        }
    }

    private void nextOpChunk(int n) {
        opEnds[opChunk] = opCount;
        opsBefore += opCount;
        int c = ++opChunk;
        if (c == opChunks.length) {
            opChunks = Arrays.copyOf(opChunks, c * 2);
            opEnds = Arrays.copyOf(opEnds, c * 2);
        }
        int[] chunk = opChunks[c];
        if (chunk == null || chunk.length < n) {
            chunk = opChunks[c] = new int[Math.max(n, Math.min(OP_CHUNK, MIN_OP_CHUNK << (2 * c)))];
            allocations++;
        }
        ops = chunk;
        opCount = 0;
        lastOp = -1; // a run's count lives next to its opcode: runs do not cross chunks
    }

    final void op0(int op) {
        ensureOps(1);
        lastOp = opCount;
        ops[opCount++] = op;
        commands++;
    }

    final void op1(int op, int operand) {
        ensureOps(2);
        int k = opCount;
        ops[k] = op;
        ops[k + 1] = operand;
        lastOp = k;
        opCount = k + 2;
        commands++;
    }

    /** Starts a run command of {@code op} with {@code count} items. */
    final void runStart(int op, int count) {
        op1(op, count);
    }

    /**
     * Adds {@code count} items of {@code arity} numbers to a run of {@code op}, starting a new run
     * command unless the last command is such a run, and returns where their numbers go in {@code nums}.
     * The caller has made sure they fit in the current number chunk ({@link #room}).
     */
    final int runItems(int op, int count, int arity) {
        int at = numCount;
        numCount = at + count * arity;
        int last = lastOp;
        if (last >= 0 && ops[last] == op && ops[last + 1] <= Integer.MAX_VALUE - count) {
            ops[last + 1] += count;
        } else {
            runStart(op, count);
        }
        return at;
    }

    // ------------------------------------------------------------------------------------ numbers

    /**
     * Reserves {@code n} numbers in one chunk and returns where they start in {@code nums}. Call it
     * before writing the command that uses them: a move to the next chunk writes a marker op first.
     */
    final int nums(int n) {
        int k = numCount;
        if (k + n > nums.length) {
            nextNumChunk(n);
            k = 0;
        }
        numCount = k + n;
        return k;
    }

    /** Numbers still free in the current chunk. */
    final int room() {
        return nums.length - numCount;
    }

    /** Moves to the next number chunk, one that holds at least {@code n} numbers. */
    final void nextNumChunk(int n) {
        if (n > MAX_ARRAY) {
            throw new IllegalArgumentException("display list too large: " + n + " numbers in one command");
        }
        op0(Op.NEXT_NUMS);
        commands--; // a marker, not a command
        lastOp = -1;
        numsBefore += numCount;
        int c = ++numChunk;
        if (c == numChunks.length) {
            numChunks = Arrays.copyOf(numChunks, c * 2);
        }
        double[] chunk = numChunks[c];
        if (chunk == null || chunk.length < n) {
            chunk = numChunks[c] = new double[Math.max(n, Math.min(NUM_CHUNK, MIN_NUM_CHUNK << (2 * c)))];
            allocations++;
        }
        nums = chunk;
        numCount = 0;
    }

    /** Records {@code op} followed by one number. The number is reserved first: see {@link #nums}. */
    final void cmd1(int op, double a) {
        int k = nums(1);
        op0(op);
        nums[k] = a;
    }

    final void cmd2(int op, double a, double b) {
        int k = nums(2);
        op0(op);
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
    }

    final void cmd3(int op, double a, double b, double c) {
        int k = nums(3);
        op0(op);
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
    }

    final void cmd4(int op, double a, double b, double c, double d) {
        int k = nums(4);
        op0(op);
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
    }

    final void cmd5(int op, double a, double b, double c, double d, double e) {
        int k = nums(5);
        op0(op);
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        n[k + 4] = e;
    }

    final void cmd6(int op, double a, double b, double c, double d, double e, double f) {
        int k = nums(6);
        op0(op);
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        n[k + 4] = e;
        n[k + 5] = f;
    }

    /** Adds one item of 3 numbers to a run of {@code op} (circles). */
    final void run3(int op, double a, double b, double c) {
        int k = numCount;
        if (k + 3 > nums.length) {
            nextNumChunk(3);
            k = 0;
        }
        int last = lastOp;
        if (last >= 0 && ops[last] == op) {
            ops[last + 1]++;
        } else {
            runStart(op, 1);
        }
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        numCount = k + 3;
    }

    /** Adds one item of 4 numbers to a run of {@code op} (lines, rectangles): the hot path of scalar calls. */
    final void run4(int op, double a, double b, double c, double d) {
        int k = numCount;
        if (k + 4 > nums.length) {
            nextNumChunk(4);
            k = 0;
        }
        int last = lastOp;
        if (last >= 0 && ops[last] == op) {
            ops[last + 1]++;
        } else {
            runStart(op, 1);
        }
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        numCount = k + 4;
    }

    // ------------------------------------------------------------------------------------ objects and bytes

    final void obj(Object o) {
        if (objCount == objs.length) {
            objs = Arrays.copyOf(objs, grownLength(objs.length, 1));
            allocations++;
        }
        objs[objCount++] = o;
    }

    final void ensureBytes(int extra) {
        if (byteCount + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, grownLength(bytes.length, byteCount + extra - bytes.length));
            allocations++;
        }
    }

    private static int grownLength(int length, int minExtra) {
        long wanted = Math.max((long) length * 2, (long) length + minExtra);
        if ((long) length + minExtra > MAX_ARRAY) {
            throw new IllegalArgumentException(
                    "display list too large: more than " + MAX_ARRAY + " elements in a stream");
        }
        return (int) Math.min(MAX_ARRAY, Math.max(16, wanted));
    }

    // ------------------------------------------------------------------------------------ frames

    /** Empties the streams, keeping their chunks; every {@value #SIZING_WINDOW} frames drops unused ones. */
    final void rewind() {
        notePeaks();
        if (++sizingFrames >= SIZING_WINDOW) {
            shrinkToRecentFrames();
        }
        truncate();
    }

    /** Empties the streams, keeping every chunk (a discarding clear in the middle of a frame). */
    final void truncate() {
        notePeaks();
        Arrays.fill(objs, 0, objCount, null); // Let strings and images of the old frame be collected.
        opChunk = 0;
        ops = opChunks[0];
        opCount = 0;
        numChunk = 0;
        nums = numChunks[0];
        numCount = 0;
        objCount = 0;
        byteCount = 0;
        lastOp = -1;
        commands = 0;
        opsBefore = 0;
        numsBefore = 0;
    }

    private void notePeaks() {
        peakOpChunks = Math.max(peakOpChunks, opChunk + 1);
        peakNumChunks = Math.max(peakNumChunks, numChunk + 1);
        peakObjs = Math.max(peakObjs, objCount);
        peakBytes = Math.max(peakBytes, byteCount);
    }

    /** Drops the chunks no frame of the last window used, and object and byte streams 4× too big. */
    private void shrinkToRecentFrames() {
        for (int c = peakOpChunks; c < opChunks.length; c++) {
            opChunks[c] = null;
        }
        for (int c = peakNumChunks; c < numChunks.length; c++) {
            numChunks[c] = null;
        }
        if (objs.length > 4 * Math.max(MIN_OBJS, peakObjs)) {
            objs = new Object[Math.max(MIN_OBJS, peakObjs * 2)];
            allocations++;
        }
        if (bytes.length > 4 * Math.max(4096, peakBytes)) {
            bytes = new byte[peakBytes * 2];
            allocations++;
        }
        sizingFrames = 0;
        peakOpChunks = 0;
        peakNumChunks = 0;
        peakObjs = 0;
        peakBytes = 0;
    }
}

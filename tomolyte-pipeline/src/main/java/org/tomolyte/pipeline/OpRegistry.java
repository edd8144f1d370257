package org.tomolyte.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.Op;

/**
 * All ops on the class path, found with {@link ServiceLoader} and keyed by id.
 */
public final class OpRegistry {

    private final Map<String, Op<?>> ops;

    private OpRegistry(Map<String, Op<?>> ops) {
        this.ops = ops;
    }

    /** Loads every registered op. Two ops with one id are a build error. */
    public static OpRegistry load() {
        Map<String, Op<?>> map = new TreeMap<>();
        for (Op<?> op : ServiceLoader.load(Op.class, OpRegistry.class.getClassLoader())) {
            Op<?> prev = map.put(op.id(), op);
            if (prev != null) {
                throw new InternalException("op id '" + op.id() + "' is registered twice: " + prev.getClass().getName()
                        + " and " + op.getClass().getName());
            }
        }
        return new OpRegistry(map);
    }

    /** All ops sorted by id. */
    public List<Op<?>> all() {
        List<Op<?>> list = new ArrayList<>(ops.values());
        list.sort(Comparator.comparing(Op::id));
        return list;
    }

    /**
     * The op {@code id}.
     *
     * @throws ParameterException naming the closest known id when there is no such op
     */
    public Op<?> get(String id) {
        Op<?> op = ops.get(id);
        if (op == null) {
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String k : ops.keySet()) {
                int d = distance(k, id == null ? "" : id);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            throw new ParameterException("unknown op '" + id + "'" + (best != null && bestD <= 4 ? "; did you mean '" + best + "'?" : "")
                    + " (tomolyte ops lists them)");
        }
        return op;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

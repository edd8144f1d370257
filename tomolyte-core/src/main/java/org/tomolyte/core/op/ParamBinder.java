package org.tomolyte.core.op;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.TomolyteException;

/**
 * Turns protocol parameters (a map from YAML) into an op's parameter record, and describes a
 * record's parameters for {@code tomolyte ops}. Supported component types: {@code double},
 * {@code Double} (optional), {@code int}, {@code Integer} (optional), {@code long},
 * {@code boolean}, {@code String}, enums (written in lower case), {@code double[]} and
 * {@code int[]} (a single value or a list).
 *
 * <p>Unknown keys, missing required values, wrong types and values outside the
 * {@link Param} range are rejected with a message naming the parameter.
 */
public final class ParamBinder {

    private ParamBinder() {
    }

    /** Protocol key of a record component: {@code sigmaUm} -&gt; {@code sigma_um}. */
    public static String key(RecordComponent c) {
        return c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the parameter record of type {@code type} from {@code raw}.
     *
     * @throws ParameterException naming the parameter when a value is missing, unknown, of the wrong
     *                            type or out of range
     */
    public static <P extends Record> P bind(Class<P> type, Map<String, ?> raw) {
        RecordComponent[] comps = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : comps) {
            byKey.put(key(c), c);
        }
        for (String k : raw.keySet()) {
            if (!byKey.containsKey(k)) {
                throw new ParameterException("unknown parameter '" + k + "'; known: "
                        + (byKey.isEmpty() ? "none" : String.join(", ", new TreeSet<>(byKey.keySet()))));
            }
        }
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            types[i] = c.getType();
            Param p = annotation(c);
            String k = key(c);
            Object v = raw.get(k);
            if (v == null) {
                if (!Param.NO_DEFAULT.equals(p.defaultValue())) {
                    v = p.defaultValue();
                } else if (p.optional() || !c.getType().isPrimitive() && c.getType() != String.class && !c.getType().isArray() && !c.getType().isEnum()) {
                    args[i] = null;
                    continue;
                } else {
                    throw new ParameterException(k + " is required (" + describe(c).type()
                            + (p.unit().isEmpty() ? "" : ", " + p.unit()) + ")");
                }
            }
            args[i] = convert(k, c.getType(), v, p);
        }
        try {
            Constructor<P> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof TomolyteException te) {
                throw te;
            }
            throw new InternalException("cannot build " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new InternalException("cannot build " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** Describes every parameter of {@code type}. */
    public static List<ParamInfo> describe(Class<? extends Record> type) {
        List<ParamInfo> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(describe(c));
        }
        return out;
    }

    private static ParamInfo describe(RecordComponent c) {
        Param p = annotation(c);
        Class<?> t = c.getType();
        String kind;
        List<String> choices = List.of();
        if (t == double.class || t == Double.class || t == float.class) {
            kind = "number";
        } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            kind = "integer";
        } else if (t == boolean.class || t == Boolean.class) {
            kind = "boolean";
        } else if (t == double[].class) {
            kind = "numbers";
        } else if (t == int[].class) {
            kind = "integers";
        } else if (t.isEnum()) {
            kind = "choice";
            List<String> names = new ArrayList<>();
            for (Object e : t.getEnumConstants()) {
                names.add(((Enum<?>) e).name().toLowerCase(Locale.ROOT));
            }
            choices = List.copyOf(names);
        } else {
            kind = "text";
        }
        boolean optional = p.optional() || Param.NO_DEFAULT.equals(p.defaultValue()) && !t.isPrimitive()
                && t != String.class && !t.isArray() && !t.isEnum();
        String def = Param.NO_DEFAULT.equals(p.defaultValue()) ? null : p.defaultValue();
        return new ParamInfo(key(c), kind, p.unit(), def, optional, p.min(), p.minExclusive(), p.max(), choices, p.doc());
    }

    private static Param annotation(RecordComponent c) {
        Param p = c.getAnnotation(Param.class);
        if (p == null) {
            throw new InternalException("parameter '" + c.getName() + "' of " + c.getDeclaringRecord().getSimpleName()
                    + " has no @Param documentation");
        }
        return p;
    }

    private static Object convert(String k, Class<?> t, Object v, Param p) {
        if (t == double.class || t == Double.class) {
            return checkRange(k, toDouble(k, v), p);
        }
        if (t == int.class || t == Integer.class) {
            long l = toLong(k, v);
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new ParameterException(k + " must be a whole number in the int range, got " + v);
            }
            checkRange(k, l, p);
            return (int) l;
        }
        if (t == long.class || t == Long.class) {
            long l = toLong(k, v);
            checkRange(k, l, p);
            return l;
        }
        if (t == boolean.class || t == Boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            throw new ParameterException(k + " must be true or false, got '" + v + "'");
        }
        if (t == String.class) {
            if (v instanceof Map || v instanceof List) {
                throw new ParameterException(k + " must be text, got " + v);
            }
            return String.valueOf(v);
        }
        if (t.isEnum()) {
            String s = String.valueOf(v).trim();
            List<String> names = new ArrayList<>();
            for (Object e : t.getEnumConstants()) {
                String n = ((Enum<?>) e).name().toLowerCase(Locale.ROOT);
                if (n.equalsIgnoreCase(s)) {
                    return e;
                }
                names.add(n);
            }
            throw new ParameterException(k + " must be one of " + String.join("|", names) + ", got '" + v + "'");
        }
        if (t == double[].class) {
            List<?> list = v instanceof List<?> l ? l : List.of(v);
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = checkRange(k, toDouble(k, list.get(i)), p);
            }
            return out;
        }
        if (t == int[].class) {
            List<?> list = v instanceof List<?> l ? l : List.of(v);
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                long l = toLong(k, list.get(i));
                checkRange(k, l, p);
                out[i] = Math.toIntExact(l);
            }
            return out;
        }
        throw new InternalException("parameter type " + t.getSimpleName() + " of '" + k + "' is not supported");
    }

    private static double toDouble(String k, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(k + " must be a number, got '" + v + "'");
        }
    }

    private static long toLong(String k, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger) {
            throw new ParameterException(k + " must be a whole number in range, got " + v);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                return (long) d;
            }
            throw new ParameterException(k + " must be a whole number, got " + v);
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(k + " must be a whole number, got '" + v + "'");
        }
    }

    private static double checkRange(String k, double v, Param p) {
        boolean lowOk = p.minExclusive() ? v > p.min() : v >= p.min();
        if (Double.isNaN(v) || !lowOk || v > p.max()) {
            String range = new ParamInfo(k, "number", "", null, false, p.min(), p.minExclusive(), p.max(), List.of(), "").range();
            throw new ParameterException(k + " must be " + (range.contains("..") ? "in " : "") + range
                    + (p.unit().isEmpty() ? "" : " " + p.unit()) + ", got " + Check.fmt(v));
        }
        return v;
    }
}

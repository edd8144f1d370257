package org.tomolyte.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.io.RawLayout;
import org.tomolyte.io.ReadOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a protocol YAML file strictly: unknown keys, wrong types, duplicate ids and dangling
 * references are errors naming the file and the place ({@code steps[2] (id pores)}). Parameter
 * values are checked later, against each op's parameter record, by the preflight.
 */
public final class ProtocolParser {

    private static final Set<String> TOP = Set.of("tomolyte", "name", "description", "inputs", "phases", "steps", "series");
    private static final Set<String> SERIES = Set.of("values", "x", "steps");
    private static final Set<String> INPUT = Set.of("path", "spacing_um", "dataset", "raw");
    private static final Set<String> RAW = Set.of("dims", "type", "order", "offset_bytes");
    private static final Set<String> STEP = Set.of("id", "op", "in", "params", "save", "phases");
    private static final String ID = "[a-z][a-z0-9_-]*";

    private ProtocolParser() {
    }

    /** Parses {@code file}. */
    public static Protocol parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read protocol (" + e.getMessage() + ")", e);
        }
        return parse(file, text);
    }

    /** Parses protocol {@code text} that came from {@code file}. */
    public static Protocol parse(Path file, String text) {
        Object root;
        try (Reader r = new java.io.StringReader(text)) {
            LoaderOptions lo = new LoaderOptions();
            lo.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(lo)).load(r);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() != null ? " at line " + (e.getProblemMark().getLine() + 1) : "";
            throw new InputException(file + ": not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new InputException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return build(file, root);
        } catch (ParameterException e) {
            throw new ParameterException(file + ": " + e.getMessage(), e);
        }
    }

    private static Protocol build(Path file, Object root) {
        Map<String, Object> top = map(root, "the protocol");
        keys(top, TOP, "top level");
        Object version = top.get("tomolyte");
        if (!(version instanceof Integer schema) || schema != Protocol.SCHEMA) {
            throw new ParameterException("expected 'tomolyte: " + Protocol.SCHEMA + "' (schema version) at the top, found "
                    + (version == null ? "nothing" : "'" + version + "'"));
        }
        String name = top.get("name") == null ? stem(file) : String.valueOf(top.get("name"));
        Map<String, Protocol.Input> inputs = new LinkedHashMap<>();
        if (top.get("inputs") != null) {
            map(top.get("inputs"), "inputs").forEach((k, v) -> inputs.put(k, input(k, v)));
        }
        PhaseTable phases = top.get("phases") == null ? PhaseTable.NONE : phases(top.get("phases"), "phases");
        java.util.Set<String> ids = new java.util.HashSet<>(inputs.keySet());
        List<Protocol.Step> steps = steps(top.get("steps"), "steps", ids);
        Protocol.SeriesSpec series = top.get("series") == null ? null : series(top.get("series"), ids);
        return new Protocol(file, name, inputs, phases, steps, series);
    }

    private static List<Protocol.Step> steps(Object stepsRaw, String key, java.util.Set<String> ids) {
        if (!(stepsRaw instanceof List<?> list) || list.isEmpty()) {
            throw new ParameterException(key + " must be a non-empty list of steps, found " + (stepsRaw == null ? "nothing" : stepsRaw));
        }
        List<Protocol.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = key + "[" + i + "]";
            Map<String, Object> s = map(list.get(i), where);
            Object idRaw = s.get("id");
            if (idRaw != null) {
                where += " (id " + idRaw + ")";
            }
            keys(s, STEP, where);
            String id = text(s.get("id"), where + ": id");
            if (!id.matches(ID)) {
                throw new ParameterException(where + ": id must be lower-case letters, digits, '_' or '-' starting with a letter, found '" + id + "'");
            }
            if (!ids.add(id)) {
                throw new ParameterException(where + ": id '" + id + "' is already used by an input or an earlier step");
            }
            String op = text(s.get("op"), where + ": op");
            Map<String, String> in = new LinkedHashMap<>();
            if (s.get("in") != null) {
                String w = where;
                map(s.get("in"), where + ": in").forEach((port, ref) -> in.put(port, text(ref, w + ": in." + port)));
            }
            Map<String, Object> params = s.get("params") == null ? Map.of() : map(s.get("params"), where + ": params");
            Protocol.Save save = Protocol.Save.TIF;
            if (s.get("save") != null) {
                String sv = String.valueOf(s.get("save")).trim().toLowerCase(Locale.ROOT);
                save = switch (sv) {
                    case "tif", "tiff", "true" -> Protocol.Save.TIF;
                    case "zarr" -> Protocol.Save.ZARR;
                    case "none", "false" -> Protocol.Save.NONE;
                    default -> throw new ParameterException(where + ": save must be tif, zarr or none, found '" + s.get("save") + "'");
                };
            }
            PhaseTable stepPhases = s.get("phases") == null ? null : phases(s.get("phases"), where + ": phases");
            steps.add(new Protocol.Step(id, op, in, params, save, stepPhases));
        }
        return steps;
    }

    private static Protocol.SeriesSpec series(Object raw, java.util.Set<String> usedIds) {
        Map<String, Object> m = map(raw, "series");
        keys(m, SERIES, "series");
        Map<String, List<Double>> values = new LinkedHashMap<>();
        String valuesFile = null;
        Object v = m.get("values");
        if (v instanceof String path) {
            valuesFile = path;
        } else if (v != null) {
            map(v, "series.values").forEach((col, list) -> {
                String where = "series.values." + col;
                if (!col.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new ParameterException(where + ": column names are letters, digits and '_' (unit as a suffix, e.g. time_s)");
                }
                if (!(list instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(Number.class::isInstance)) {
                    throw new ParameterException(where + " must be a list of numbers, one per series item, found " + list);
                }
                values.put(col, l.stream().map(n -> ((Number) n).doubleValue()).toList());
            });
        }
        String x = m.get("x") == null ? null : text(m.get("x"), "series.x");
        java.util.Set<String> ids = new java.util.HashSet<>(usedIds);
        ids.add("series");
        List<Protocol.Step> steps = m.get("steps") == null ? List.of() : steps(m.get("steps"), "series.steps", ids);
        return new Protocol.SeriesSpec(values, valuesFile, x, steps);
    }

    private static PhaseTable phases(Object o, String where) {
        Map<Object, Object> raw = rawMap(o, where);
        TreeMap<Integer, String> names = new TreeMap<>();
        raw.forEach((k, v) -> {
            int id;
            try {
                id = k instanceof Integer i ? i : Integer.parseInt(String.valueOf(k).trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(where + ": keys must be label values (integers), found '" + k + "'");
            }
            names.put(id, String.valueOf(v));
        });
        try {
            return new PhaseTable(names);
        } catch (ParameterException e) {
            throw new ParameterException(where + ": " + e.getMessage());
        }
    }

    private static Protocol.Input input(String name, Object v) {
        String where = "inputs." + name;
        if (!name.matches(ID)) {
            throw new ParameterException(where + ": input names must be lower-case letters, digits, '_' or '-' starting with a letter");
        }
        Map<String, Object> m = v instanceof String s ? Map.of("path", s) : map(v, where);
        keys(m, INPUT, where);
        String path = text(m.get("path"), where + ".path");
        Spacing spacing = m.get("spacing_um") == null ? null : spacing(m.get("spacing_um"), where + ".spacing_um");
        String dataset = m.get("dataset") == null ? null : String.valueOf(m.get("dataset"));
        RawLayout raw = null;
        if (m.get("raw") != null) {
            Map<String, Object> r = map(m.get("raw"), where + ".raw");
            keys(r, RAW, where + ".raw");
            Object dims = r.get("dims");
            if (!(dims instanceof List<?> d) || d.size() != 3) {
                throw new ParameterException(where + ".raw.dims must be [nx, ny, nz], found " + dims);
            }
            Dims dd = Dims.parse(d.get(0) + "," + d.get(1) + "," + d.get(2), where + ".raw.dims");
            DataType type = DataType.parse(text(r.get("type"), where + ".raw.type"), where + ".raw.type");
            java.nio.ByteOrder order = RawLayout.parseOrder(r.get("order") == null ? "little" : String.valueOf(r.get("order")));
            long offset = r.get("offset_bytes") == null ? 0 : ((Number) r.get("offset_bytes")).longValue();
            raw = new RawLayout(dd, type, order, offset);
        }
        return new Protocol.Input(name, path, new ReadOptions(spacing, raw, dataset));
    }

    /** Parses a spacing given as a number or a list of three numbers (um). */
    static Spacing spacing(Object v, String where) {
        try {
            if (v instanceof Number n) {
                return Spacing.isotropic(n.doubleValue());
            }
            if (v instanceof List<?> l && l.size() == 3 && l.stream().allMatch(Number.class::isInstance)) {
                return new Spacing(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue(), ((Number) l.get(2)).doubleValue());
            }
        } catch (TomolyteException e) {
            throw new ParameterException(where + ": " + e.getMessage());
        }
        throw new ParameterException(where + " must be [x, y, z] or one number, in micrometres > 0, found " + v);
    }

    private static Map<String, Object> map(Object o, String where) {
        Map<Object, Object> raw = rawMap(o, where);
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> rawMap(Object o, String where) {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new ParameterException(where + " must be a mapping (key: value), found " + (o == null ? "nothing" : "'" + o + "'"));
    }

    private static void keys(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new ParameterException(where + ": unknown key '" + k + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String text(Object o, String where) {
        if (o == null || o instanceof Map || o instanceof List || String.valueOf(o).isBlank()) {
            throw new ParameterException(where + " is required (text), found " + (o == null ? "nothing" : "'" + o + "'"));
        }
        return String.valueOf(o).trim();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

package org.tomolyte.pipeline;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/** Test-only op (registered in the test class path): the sum of one numeric column of a table, metric {@code sum}. */
public final class ColumnSumOp implements Op<ColumnSumOp.Params> {

    /** @param column the column to add up */
    public record Params(@Param(doc = "column") String column) {
    }

    @Override
    public String id() {
        return "test.column_sum";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "sum of a table column (tests)";
    }

    @Override
    public String reference() {
        return "";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("table", "any table"));
    }

    @Override
    public List<Port> outputs() {
        return List.of();
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of();
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = in.table("table");
        double sum = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            sum += t.number(r, p.column());
        }
        OpResult out = new OpResult();
        out.metrics().put("sum", sum).put("rows", (long) t.rowCount());
        return out;
    }
}

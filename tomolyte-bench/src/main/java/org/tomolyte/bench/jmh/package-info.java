/**
 * JMH benchmark of the kernels ({@link KernelBench}: every comparison case), each op called through the registry
 * (so it compiles whatever ops a build has). Built into
 * {@code tomolyte-bench/target/benchmarks.jar} by {@code mvn package}; never run by the tests.
 */
package org.tomolyte.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs one benchmark method of a JMH state class (public no-argument constructor, {@code setUp()})
 * and scores it per second of this thread's CPU time rather than wall time: on a machine other
 * work shares, wall-clock scores swing with the load, CPU time far less. Kept outside {@code src}
 * so that {@code side-by-side.sh} can compile it against a ref that lacks it.
 *
 * <p>Arguments: class, method, operations per call, samples. Warms up for 20 CPU seconds, then
 * takes each sample over 2 CPU seconds and prints median, min and max operations per CPU second.
 */
public final class CpuTime {
  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(args[0]);
    Method method = type.getMethod(args[1]);
    int perCall = Integer.parseInt(args[2]);
    int samples = Integer.parseInt(args[3]);
    Object state = type.getConstructor().newInstance();
    type.getMethod("setUp").invoke(state);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long warm = cpu.getCurrentThreadCpuTime() + 20_000_000_000L;
    while (cpu.getCurrentThreadCpuTime() < warm) {
      method.invoke(state);
    }
    double[] rates = new double[samples];
    for (int s = 0; s < samples; s++) {
      long start = cpu.getCurrentThreadCpuTime();
      long calls = 0;
      while (cpu.getCurrentThreadCpuTime() - start < 2_000_000_000L) {
        method.invoke(state);
        calls++;
      }
      rates[s] = calls * perCall / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf(
        "%s median %.0f min %.0f max %.0f per CPU second%n",
        args[1], rates[samples / 2], rates[0], rates[samples - 1]);
  }
}

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/*
 * Implementation notes.
 *
 * "./go4j dump <pid>": prints the goroutine dump of a running go4j JVM. A single-file program that the launcher
 * runs with the JDK it found (java tools/Dump.java <pid>), so it needs no build and go4j-core needs no module
 * jdk.attach. It uses only the JDK:
 *
 *   1. the process must exist (ProcessHandle), and on Linux it must catch SIGQUIT (/proc/<pid>/status, SigCgt):
 *      a JVM does, and the Attach API starts a JVM's attach listener with that signal, which would kill most
 *      other programs (JDK 24 and newer check this themselves; JDK 21 to 23 would just send it);
 *   2. attach (com.sun.tools.attach), start the JVM's local management agent (startLocalManagementAgent: the
 *      agent jcmd <pid> ManagementAgent.start_local starts, bound to the loopback address, for this user only)
 *      and detach;
 *   3. connect to that agent over JMX and invoke dump() of the MBean dev.go4j:type=Runtime, which go4j registers
 *      in the background a second after a program's first goroutine starts (unless -Dgo4j.jmx=false; the tool
 *      waits up to 3 s for it): the text of Go.dump.
 *
 * The dump goes to standard output, as it is; exit status 0. Each failure is one line on standard error, starting
 * "go4j: dump: ", and exit status 1; a bad command line exits with 2 (the launcher checks the pid first).
 */
public final class Dump {
    private static final String MBEAN = "dev.go4j:type=Runtime";
    /** How long to wait for the bean: go4j registers it 1 s after the first goroutine start, so a little more. */
    private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(3);
    /** SIGQUIT is signal 3 on Linux: bit 2 of the SigCgt mask. */
    private static final int SIGQUIT_BIT = 2;

    /** A failure to report in one line (the message says what and, where it can, why). */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private Dump() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].matches("[0-9]{1,18}")) {
            System.err.println("go4j: dump: usage: go4j dump <pid>");
            System.exit(2);
        }
        long pid = Long.parseLong(args[0]);
        try {
            String dump = dump(pid);
            System.out.print(dump);
            System.out.flush();
        } catch (Failure failure) {
            System.err.println("go4j: dump: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static String dump(long pid) throws Failure {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new Failure("no process with pid " + pid);
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new Failure("process " + pid + " is this tool itself");
        }
        checkCatchesSigquit(pid);
        String address = startManagementAgent(pid);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(MBEAN);
            if (!awaitRegistered(server, name)) {
                throw new Failure("process " + pid + " has no MBean " + MBEAN + ": go4j registers it a second after the"
                        + " program's first goroutine starts, so either it is not a go4j program, or no goroutine has"
                        + " started yet, or it runs with -Dgo4j.jmx=false");
            }
            return (String) server.invoke(name, "dump", null, null);
        } catch (MBeanException e) {
            throw new Failure("the dump failed in process " + pid + ": " + e.getCause());
        } catch (JMException | IOException e) {
            throw new Failure("cannot talk to the management agent of process " + pid + " (" + address + "): " + e);
        }
    }

    /**
     * Whether {@code name} is registered in {@code server}, or becomes so within {@link #REGISTRATION_WAIT}: go4j
     * registers its bean a second after the program's first goroutine starts.
     */
    private static boolean awaitRegistered(MBeanServerConnection server, ObjectName name)
            throws IOException {
        long deadline = System.nanoTime() + REGISTRATION_WAIT.toNanos();
        while (!server.isRegistered(name)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** On Linux, fails unless process {@code pid} catches SIGQUIT, as a JVM does (see the notes). */
    private static void checkCatchesSigquit(long pid) throws Failure {
        List<String> status;
        try {
            status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (NoSuchFileException e) {
            return; // no /proc (not Linux), or the process has just ended: attaching will say so
        } catch (IOException e) {
            return;
        }
        for (String line : status) {
            if (line.startsWith("SigCgt:")) {
                BigInteger caught = new BigInteger(line.substring("SigCgt:".length()).trim(), 16);
                if (!caught.testBit(SIGQUIT_BIT)) {
                    throw new Failure("process " + pid + " is not a JVM (it does not catch SIGQUIT, the signal that"
                            + " starts a JVM's attach listener)");
                }
                return;
            }
        }
    }

    /** Attaches to {@code pid}, starts its local management agent and returns the agent's JMX address. */
    private static String startManagementAgent(long pid) throws Failure {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new Failure("cannot attach to process " + pid + ": " + e.getMessage() + " (attaching needs a JVM"
                    + " of the same user, run without -XX:+DisableAttachMechanism)");
        }
        try {
            return vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw new Failure("process " + pid + " did not start its management agent: " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the agent is started or not; detaching cannot change that
            }
        }
    }
}

package dev.go4j.examples.xsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Result;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.testing.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelDigestTest {
    @Output("""
            6 files, at most 1024 bytes read at once:
            README.md  b00cebb7887188f391145ca899235693ecfadb370d1a9fc6edf228af9d924d29
            data/big.log  eb5d9c967af16535e3547886fc42ee947a4143641b341f83d2a054056816dafd
            data/small.csv  a47715542cd3250b57b5e6a973d114081a0ac8bb2f388fd03a96ef47f97ec4fb
            notes.txt  4312ec7ef6da004f29e3d62847a702a2420fd2634154f0581c029c3661f2d748
            src/Main.java  54d3786bde6253d339f84de9acaccebf9ca187ff2478a6cca2b13365f0814b72
            src/util/Strings.java  a3b78428503ec97e6309a592075fe1e0675b20c83bb64daca91547050c6ae1fa

            again, on a disk that fails to read data/big.log:
            walk stopped before data/small.csv: context canceled
            digest failed: read data/big.log: input/output error
            """)
    void digestTwiceThenDeleteTheTree(@TempDir Path tmp) throws Exception {
        ParallelDigest.run(tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("the lesson deletes its tree").isEmpty();
        }
    }

    /** A caller's context that is already done stops the walk before the first read. */
    @Output("""
            walk stopped before a.txt: context canceled
            """)
    void aDoneParentStopsTheWalkAtOnce(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("a.txt"), "a");
        CancelContext parent = Context.withCancel(Context.background());
        parent.cancel();

        Result<SortedMap<String, String>> digest = ParallelDigest.digestTree(parent, root, Files::readAllBytes);

        assertThat(digest).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(Context.Canceled.class).hasMessage("context canceled"));
    }

    /** A file bigger than the budget takes the whole budget instead of waiting forever. */
    @Test
    void aFileBiggerThanTheBudgetIsDigested(@TempDir Path root) throws Exception {
        byte[] big = new byte[3 * ParallelDigest.BUDGET];
        Files.write(root.resolve("big.bin"), big);
        Files.writeString(root.resolve("empty"), "");

        Result<SortedMap<String, String>> digest = ParallelDigest.digestTree(Context.background(), root,
                Files::readAllBytes);

        assertThat(digest).isEqualTo(Result.ok(new java.util.TreeMap<>(java.util.Map.of(
                "big.bin", ParallelDigest.sha256(big),
                "empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))));
    }
}

package io.mediaworker.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Every digest S3 may hold for an object, computed from a local file in one read: SHA-256 (hex, as
 * in the manifest, and base64, as S3 writes it), CRC32 and CRC32C (base64 of the big-endian
 * value), the MD5 a single-part ETag is, and for a multipart upload with a given part size the ETag
 * it gets (MD5 of the parts' MD5s, then {@code -<parts>}) and its composite CRC32C (CRC32C of the
 * parts' CRC32Cs, base64, then {@code -<parts>}); those two are empty without a part size.
 */
public record FileDigests(long size, String sha256Hex, String sha256Base64, String crc32Base64, String crc32cBase64,
                          String md5Hex, String multipartETag, String compositeCrc32c) {

    public static FileDigests of(Path file, long partSize) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        MessageDigest partMd5 = digest("MD5");
        MessageDigest partsMd5 = digest("MD5");
        CRC32C partCrc = new CRC32C();
        CRC32C partsCrc = new CRC32C();
        CRC32 crc32 = new CRC32();
        CRC32C crc32c = new CRC32C();
        byte[] buf = new byte[1 << 20];
        long total = 0;
        long inPart = 0;
        int parts = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
                crc32.update(buf, 0, n);
                crc32c.update(buf, 0, n);
                total += n;
                int off = 0;
                while (partSize > 0 && off < n) {
                    int take = (int) Math.min(n - off, partSize - inPart);
                    partMd5.update(buf, off, take);
                    partCrc.update(buf, off, take);
                    off += take;
                    inPart += take;
                    if (inPart == partSize) {
                        partsMd5.update(partMd5.digest());
                        partsCrc.update(crcBytes(partCrc.getValue()));
                        partCrc.reset();
                        parts++;
                        inPart = 0;
                    }
                }
            }
        }
        if (inPart > 0) {
            partsMd5.update(partMd5.digest());
            partsCrc.update(crcBytes(partCrc.getValue()));
            parts++;
        }
        byte[] shaBytes = sha.digest();
        String multipart = partSize > 0 ? HexFormat.of().formatHex(partsMd5.digest()) + "-" + parts : "";
        String composite = partSize > 0 ? crcBase64(partsCrc.getValue()) + "-" + parts : "";
        return new FileDigests(total, HexFormat.of().formatHex(shaBytes), Base64.getEncoder().encodeToString(shaBytes),
                crcBase64(crc32.getValue()), crcBase64(crc32c.getValue()), HexFormat.of().formatHex(md5.digest()), multipart, composite);
    }

    /** A base64 SHA-256 as S3 returns it, in the hex the manifest uses. */
    public static String sha256Hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static String crcBase64(long value) {
        return Base64.getEncoder().encodeToString(crcBytes(value));
    }

    private static byte[] crcBytes(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every Java runtime", e);
        }
    }
}

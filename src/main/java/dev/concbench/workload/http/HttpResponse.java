package dev.concbench.workload.http;

import java.util.zip.CRC32;

/**
 * A complete response.
 *
 * @param status the status code, e.g. 200
 * @param body the body bytes (as many as {@code Content-Length} said); do not modify
 * @param keepAlive whether the connection may carry another request
 */
public record HttpResponse(int status, byte[] body, boolean keepAlive) {

    /** The CRC-32 of the body: what a {@link dev.concbench.workload.WorkResult} checksums. */
    public long bodyCrc() {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}

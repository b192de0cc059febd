package dev.concbench.net;

/**
 * The network a run asked for cannot be had: a bad profile value, a missing tool or privilege, a
 * kernel without netem, a target that does not answer like our delay server. The message is one
 * line saying what is missing or wrong and what was expected; the front end exits 2 with it.
 */
public class NetworkException extends Exception {
    public NetworkException(String message) {
        super(message);
    }
}

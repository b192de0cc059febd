package dev.concbench.workload.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code netty} model's HTTP client, written the way a Netty user writes one: a {@link Bootstrap}
 * on the model's event loop, each connection's pipeline {@link HttpClientCodec} +
 * {@link HttpObjectAggregator} + a handler that completes the request's promise, and a
 * {@link FixedChannelPool} holding at most {@code limit} keep-alive connections (the seed's
 * {@code TCPConnector(limit=10)}, as {@link LoopConnectionPool} is for our loop). A request beyond
 * the limit waits in the pool's queue without blocking the loop. Each request has a timeout covering
 * the wait for a connection and the exchange; on timeout its connection is closed and its slot freed.
 * A reused connection that closes before any response byte (the server dropped it while idle) is
 * retried once on another, as our pool does.
 *
 * <p>Loop thread only: construct it anywhere, then call {@link #get} and {@link #close()} on the loop.
 * {@link #close()} closes the connections itself rather than through {@code FixedChannelPool.close()},
 * which hands the work to Netty's global executor thread and so would leave a thread behind the model;
 * for the same reason the bootstrap has no address resolver (the target is resolved already).
 */
public final class NettyConnectionPool {

    /** The largest response body accepted, in bytes: far above any {@code /bytes/{n}} a scenario asks for. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final EventLoop loop;
    private final InetSocketAddress target;
    private final Duration timeout;
    private final FixedChannelPool pool;
    private final ChannelGroup channels;
    private boolean closed;

    /**
     * @param limit   the most connections open at once, {@code >= 1}
     * @param timeout the longest a request may take, from {@link #get} to the last response byte
     */
    public NettyConnectionPool(EventLoop loop, InetSocketAddress target, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("connection limit must be >= 1, was " + limit);
        }
        this.loop = loop;
        this.target = target;
        this.timeout = timeout;
        this.channels = new DefaultChannelGroup("concbench-netty-http", loop);
        // the target is an address already: no resolver, whose clean-up would start Netty's global executor thread
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class).remoteAddress(target)
                .disableResolver().option(ChannelOption.TCP_NODELAY, true);
        this.pool = new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                channels.add(ch);
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY_BYTES), new Exchange());
            }
        }, limit);
    }

    /**
     * Sends {@code GET path}. Loop thread.
     *
     * @return the response (its listeners run on the loop); fails with a {@link TimeoutException}
     *     after the timeout, or with the {@link IOException} of a failed connection
     */
    public Future<HttpResponse> get(String path) {
        requireLoop("get");
        Promise<HttpResponse> response = loop.newPromise();
        if (closed) {
            return response.setFailure(new RejectedExecutionException("the connection pool is closed"));
        }
        ScheduledFuture<?> timer = loop.schedule(() -> {
            response.tryFailure(new TimeoutException("GET " + path + " took longer than " + timeout.toMillis() + " ms"));
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        response.addListener(f -> timer.cancel(false));
        attempt(path, response, true);
        return response;
    }

    /** Connections open now, idle or in use. Loop thread. */
    public int openConnections() {
        requireLoop("openConnections");
        return channels.size();
    }

    /** Closes every connection, idle or in use, and refuses new requests; requests in flight fail. Loop thread. */
    public void close() {
        requireLoop("close");
        closed = true;
        channels.close();
    }

    private void attempt(String path, Promise<HttpResponse> response, boolean mayRetry) {
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                response.tryFailure(acquired.cause());
                return;
            }
            Channel ch = acquired.getNow();
            if (response.isDone()) { // timed out while waiting for a connection
                pool.release(ch);
                return;
            }
            Exchange exchange = ch.pipeline().get(Exchange.class);
            boolean reused = exchange.served > 0;
            Promise<HttpResponse> one = loop.newPromise();
            exchange.expect(one);
            // a timed-out request takes its connection down with it: the answer may still come
            response.addListener(f -> {
                if (!f.isSuccess()) {
                    ch.close();
                }
            });
            one.addListener((Future<HttpResponse> f) -> {
                if (f.isSuccess()) {
                    response.trySuccess(f.getNow());
                } else if (reused && mayRetry && f.cause() instanceof ClosedBeforeResponse && !response.isDone()) {
                    attempt(path, response, false);
                } else {
                    response.tryFailure(f.cause());
                }
            });
            ch.writeAndFlush(request(path)).addListener(w -> {
                if (!w.isSuccess()) {
                    exchange.fail(ch, new ClosedBeforeResponse("connection closed before the request went out"));
                }
            });
        });
    }

    private FullHttpRequest request(String path) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, target.getHostString() + ":" + target.getPort());
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        return request;
    }

    private void requireLoop(String what) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("NettyConnectionPool." + what + " called off its loop thread, from "
                    + Thread.currentThread().getName());
        }
    }

    /**
     * The last handler of a connection's pipeline: completes the promise of the request in flight on
     * it and gives the connection back to the pool (closed first when the server did not keep it).
     */
    private final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {

        /** The request in flight on this connection, or null between requests. */
        private Promise<HttpResponse> pending;
        /** Responses this connection has delivered. */
        int served;

        void expect(Promise<HttpResponse> promise) {
            pending = promise;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
            Promise<HttpResponse> p = pending;
            if (p == null) {
                ctx.close(); // an answer nobody asked for: the connection is out of step
                return;
            }
            pending = null;
            served++;
            boolean keepAlive = HttpUtil.isKeepAlive(msg);
            HttpResponse response = new HttpResponse(msg.status().code(), ByteBufUtil.getBytes(msg.content()), keepAlive);
            if (!keepAlive) {
                ctx.close();
            }
            pool.release(ctx.channel());
            p.trySuccess(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            fail(ctx.channel(), new ClosedBeforeResponse("connection closed before the response"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause instanceof IOException io ? io : new IOException(cause));
            ctx.close();
        }

        /** Fails the request in flight, if any, and gives its (closed) connection back to the pool. */
        void fail(Channel ch, IOException cause) {
            Promise<HttpResponse> p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            ch.close();
            pool.release(ch);
            p.tryFailure(cause);
        }
    }

    /** The connection closed while a request was in flight and before its response: retried once when the connection was reused. */
    private static final class ClosedBeforeResponse extends IOException {
        ClosedBeforeResponse(String message) {
            super(message);
        }
    }
}

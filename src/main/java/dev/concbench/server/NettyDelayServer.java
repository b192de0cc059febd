package dev.concbench.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The delay server's twin on Netty 4.2: the same {@link Routes} behind Netty's own HTTP codec, on
 * one NIO event-loop thread, so the {@code http-server} scenario and the wrk comparison in
 * {@code docs/loop-performance.md} can set our loop against the loop Java engineers actually use.
 *
 * <p>It follows Netty's HTTP hello-world example: {@link HttpServerCodec}, one handler that writes
 * each response in {@code channelRead} and flushes in {@code channelReadComplete}, a delay through
 * the loop's {@code schedule}. Lifecycle as {@link DelayServer}: {@link #start} returns a serving
 * server, {@link #close()} stops the loop and returns once its thread has ended. Any thread.
 */
public final class NettyDelayServer implements HttpServerHandle {

    private final EventLoopGroup group;
    private final Channel listener;
    private final CountDownLatch closed = new CountDownLatch(1);

    private NettyDelayServer(EventLoopGroup group, Channel listener) {
        this.group = group;
        this.listener = listener;
    }

    /**
     * Starts serving on {@code bind} (port 0: a free port) with one Netty loop thread.
     *
     * @throws BindException when the address is in use or cannot be bound
     */
    public static NettyDelayServer start(InetSocketAddress bind, ServerLimits limits) throws BindException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Routes routes = new Routes(limits);
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, DelayServer.BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(4096, limits.maxHeadBytes(), 8192), new Handler(routes));
                        }
                    })
                    .bind(bind).syncUninterruptibly().channel();
            return new NettyDelayServer(group, listener);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            BindException failure = new BindException("cannot listen on " + bind.getHostString() + ":" + bind.getPort()
                    + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, closes every connection, ends the loop thread. Idempotent; any thread. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        closed.countDown();
    }

    /**
     * Answers each request head through {@link Routes}, in order: while a delayed answer is pending,
     * later pipelined requests wait behind it (as in {@link ServerConnection}). One per connection;
     * Netty's loop thread only.
     */
    private static final class Handler extends SimpleChannelInboundHandler<HttpObject> {

        private final Routes routes;
        private final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
        private boolean delayPending;

        Handler(Routes routes) {
            this.routes = routes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest request)) {
                return;  // the (empty) content of a GET: nothing to do
            }
            if (delayPending) {
                waiting.add(request);
            } else {
                answer(ctx, request);
            }
        }

        private void answer(ChannelHandlerContext ctx, HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                send(ctx, Response.text(400, "bad request: " + request.decoderResult().cause().getMessage()), false);
                return;
            }
            String uri = request.uri();
            int query = uri.indexOf('?');
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            Response response = routes.answer(new Request(request.method().name(),
                    query < 0 ? uri : uri.substring(0, query), keepAlive));
            if (response.delay().isZero()) {
                send(ctx, response, keepAlive);
                return;
            }
            delayPending = true;
            ctx.executor().schedule(() -> {
                delayPending = false;
                send(ctx, response, keepAlive);
                while (!delayPending && !waiting.isEmpty()) {
                    answer(ctx, waiting.poll());
                }
                ctx.flush();
            }, response.delay().toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static void send(ChannelHandlerContext ctx, Response response, boolean keepAlive) {
            FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
            out.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
                    .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
            if (keepAlive) {
                ctx.write(out, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}

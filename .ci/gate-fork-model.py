#!/usr/bin/env python3
# Models how a gate row's minimum detectable effect narrows with forks and iterations, from one A = B
# `ab` run's raw samples (OUT/A and OUT/B summary.json, perFork): a log-normal fork effect (the spread
# of the forks' log medians) plus the row's own within-fork log residuals, judged by the gate's statistic
# (lower-decile ratio B/A, two-level bootstrap, 99%, threshold 0.05; as .ci/gate-study-forks.py) over
# 24 simulated A/A runs a point. Usage: .ci/gate-fork-model.py OUT [ROW-SUBSTRING,...]; needs numpy.
# Prints, per row, the median detectable effect at (K forks, n iterations) around the run's own.
import json, sys, numpy as np
q=lambda x,ax=-1: np.quantile(x,0.1,axis=ax,method="median_unbiased")
def rows(d):
    return {(r['scenario'],r['model'],r['metric']):r for r in json.load(open(d+'/summary.json'))['rows'] if r.get('perFork')}
def judge(a,b,rng,R=2000,thr=0.05):
    # a,b: arrays (K,n)
    def boot(x):
        K,n=x.shape
        fi=rng.integers(K,size=(R,K)); ii=rng.integers(n,size=(R,K,n))
        v=x[fi[:,:,None],ii].reshape(R,K*n)
        return q(v)
    ratio=q(b.ravel())/q(a.ravel())
    reps=boot(b)/boot(a)
    lo=np.quantile(reps,0.005)
    return (1+thr)*ratio/lo-1
def model(fs):
    lf=[np.log(f) for f in fs]
    res=np.concatenate([l-np.median(l) for l in lf])
    med=np.array([np.median(l) for l in lf])
    return np.std(med,ddof=1),res
def sim(sb,res,K,n,T,rng):
    out=[]
    for t in range(T):
        def side():
            return np.exp(rng.normal(0,sb,size=(K,1))+rng.choice(res,size=(K,n)))
        out.append(judge(side(),side(),rng))
    return np.median(out), np.quantile(out,0.9)
if __name__=="__main__":
    A=rows(sys.argv[1]+'/A'); B=rows(sys.argv[1]+'/B')
    want=sys.argv[2].split(',') if len(sys.argv)>2 else None
    rng=np.random.default_rng(7)
    for k in A:
        r=A[k]
        if r['better']!='lower' or k not in B: continue
        if want and not any(w in '/'.join(k) for w in want): continue
        fs=[np.array(f) for f in A[k]['perFork']+B[k]['perFork'] if len(f)]
        if min(f.min() for f in fs)<=0: continue
        sb,res=model(fs)
        K0=len(A[k]['perFork']); n0=len(fs[0])
        line=f"{'/'.join(k):40s} sb={sb:.3f} K0={K0} n0={n0}:"
        for K,n in [(K0,n0),(K0,n0//2),(2*K0,n0//2),(2*K0,n0),(3*K0,n0//2)]:
            if n<3: continue
            m,p=sim(sb,res,K,n,24,rng)
            line+=f"  K{K} n{n}: {m:.0%}"
        print(line,flush=True)

# The benchmark's chart (scripts/benchmark.sh; docs/performance.md shows one): the latency of one
# saga per step, then the throughput test second by second. Reads steps.dat and throughput.dat from
# dir, as scripts/benchmark.py writes them:
#   gnuplot -e "dir='target/benchmark'; cores=2; title='...'" scripts/benchmark-chart.gp
set terminal pngcairo size 1200,1000 font "sans,10"
set output dir.'/benchmark.png'
set datafile separator "\t"
set multiplot layout 2,1 title title font "sans,12"

set title "One saga at a time: each step's latency, from order-service's timeline (and POST /orders alone)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set ylabel "milliseconds (log scale)"
set xtics rotate by -20 left nomirror font "sans,9"
set grid ytics
set key top left
set bmargin 7
plot dir.'/steps.dat' using 2:xtic(1) title "p50" lc rgb "#4C72B0", \
     '' using 3 title "p90" lc rgb "#DD8452", \
     '' using 4 title "p99" lc rgb "#C44E52"

unset logscale y
unset xtics
set xtics nomirror
set bmargin
set style data lines
set title "Throughput test, second by second: sagas completed and orders placed; CPU cores busy (right axis)"
set xlabel "seconds since the first order"
set ylabel "per second"
set yrange [0:*]
set y2label "cores busy"
set y2range [0:cores * 1.05]
set y2tics
set ytics nomirror
set key below horizontal
plot dir.'/throughput.dat' using 1:2 with lines lw 2 lc rgb "#4C72B0" title "sagas completed (DELIVERED)/s", \
     '' using 1:3 with lines lw 1 lc rgb "#55A868" title "orders placed/s", \
     '' using 1:4 axes x1y2 with lines dt 2 lw 2 lc rgb "#C44E52" title "cores: the system", \
     '' using 1:5 axes x1y2 with lines dt 3 lw 1 lc rgb "#8172B3" title "cores: the whole machine"
unset multiplot

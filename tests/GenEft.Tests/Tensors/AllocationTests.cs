using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>Steady-state calls allocate nothing: training calls these ops every step (issue 2: 0 bytes per step).</summary>
public class AllocationTests
{
    [Fact]
    public void SteadyStateOpsAllocateNothing()
    {
        var random = new Random(1);
        var x = Oracle.Random<float>(random, 675, 50);
        var w = Oracle.Random<float>(random, 50, 50);
        var y = DenseTensor<float>.Zeros(675, 50);
        var g = Oracle.Random<float>(random, 675, 50);
        var v = Oracle.Random<float>(random, 50, 1);
        var col = DenseTensor<float>.Zeros(675, 1);
        var big = Oracle.Random<float>(random, 300, 260);
        var bigB = Oracle.Random<float>(random, 260, 290);
        var bigC = DenseTensor<float>.Zeros(300, 290);
        var batchA = Oracle.Random<float>(random, 8, 32, 16);
        var batchC = DenseTensor<float>.Zeros(8, 32, 32);
        var bias = Oracle.Random<float>(random, 50);
        var rowSums = DenseTensor<float>.Zeros(50);
        var colSums = DenseTensor<float>.Zeros(675);
        var table = Oracle.Random<float>(random, 30, 2);
        var gathered = DenseTensor<float>.Zeros(675, 2);
        int[] indices = Enumerable.Range(0, 675).Select(i => i % 30).ToArray();
        var left = DenseTensor<float>.Zeros(675, 2);
        DenseTensor<float>[] parts = [left, gathered];
        var pair = DenseTensor<float>.Zeros(675, 4);
        var transposed = DenseTensor<float>.Zeros(50, 675);

        void Step()
        {
            DenseTensor.MatMul(x, w, y);
            DenseTensor.Gemm(1f, x, false, w, true, 0f, y);
            DenseTensor.Gemm(1f, x, true, g, false, 0f, w);
            DenseTensor.MatMul(x, v, col);
            DenseTensor.Gemm(1f, x, true, col, false, 1f, v);
            DenseTensor.MatMul(big, bigB, bigC);
            DenseTensor.Gemm(1f, batchA, false, batchA, true, 0f, batchC);
            DenseTensor.AddRow(y, bias, y);
            DenseTensor.Tanh(y, y);
            DenseTensor.TanhBackward(y, g, g);
            DenseTensor.SigmoidBackward(y, g, g);
            DenseTensor.ReluBackward(y, g, g);
            DenseTensor.Axpy(0.5f, g, y);
            DenseTensor.Sum(g, 0, rowSums);
            DenseTensor.Mean(g, 1, colSums);
            DenseTensor.Max(g, -1, colSums);
            _ = DenseTensor.Sum(g);
            DenseTensor.GatherRows(table, indices, gathered);
            DenseTensor.ScatterAddRows(gathered, indices, table);
            DenseTensor.ConcatLastAxis<float>(parts, pair);
            DenseTensor.SplitLastAxis<float>(pair, parts);
            DenseTensor.Transpose(y, transposed);
        }

        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

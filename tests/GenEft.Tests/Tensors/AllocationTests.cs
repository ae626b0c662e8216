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
        var y = Tensor<float>.Zeros(675, 50);
        var g = Oracle.Random<float>(random, 675, 50);
        var v = Oracle.Random<float>(random, 50, 1);
        var col = Tensor<float>.Zeros(675, 1);
        var big = Oracle.Random<float>(random, 300, 260);
        var bigB = Oracle.Random<float>(random, 260, 290);
        var bigC = Tensor<float>.Zeros(300, 290);
        var batchA = Oracle.Random<float>(random, 8, 32, 16);
        var batchC = Tensor<float>.Zeros(8, 32, 32);
        var bias = Oracle.Random<float>(random, 50);
        var rowSums = Tensor<float>.Zeros(50);
        var colSums = Tensor<float>.Zeros(675);
        var table = Oracle.Random<float>(random, 30, 2);
        var gathered = Tensor<float>.Zeros(675, 2);
        int[] indices = Enumerable.Range(0, 675).Select(i => i % 30).ToArray();
        var left = Tensor<float>.Zeros(675, 2);
        Tensor<float>[] parts = [left, gathered];
        var pair = Tensor<float>.Zeros(675, 4);
        var transposed = Tensor<float>.Zeros(50, 675);

        void Step()
        {
            Tensor.MatMul(x, w, y);
            Tensor.Gemm(1f, x, false, w, true, 0f, y);
            Tensor.Gemm(1f, x, true, g, false, 0f, w);
            Tensor.MatMul(x, v, col);
            Tensor.Gemm(1f, x, true, col, false, 1f, v);
            Tensor.MatMul(big, bigB, bigC);
            Tensor.Gemm(1f, batchA, false, batchA, true, 0f, batchC);
            Tensor.AddRow(y, bias, y);
            Tensor.Tanh(y, y);
            Tensor.TanhBackward(y, g, g);
            Tensor.SigmoidBackward(y, g, g);
            Tensor.ReluBackward(y, g, g);
            Tensor.Axpy(0.5f, g, y);
            Tensor.Sum(g, 0, rowSums);
            Tensor.Mean(g, 1, colSums);
            Tensor.Max(g, -1, colSums);
            _ = Tensor.Sum(g);
            Tensor.GatherRows(table, indices, gathered);
            Tensor.ScatterAddRows(gathered, indices, table);
            Tensor.ConcatLastAxis<float>(parts, pair);
            Tensor.SplitLastAxis<float>(pair, parts);
            Tensor.Transpose(y, transposed);
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

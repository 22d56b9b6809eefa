# Non-ASCII identifiers, including ones NFKC normalisation changes.
café = 1
π = 3.141592653589793
变量 = "value"
переменная = 2
Δt = 0.01
ｆｕｌｌｗｉｄｔｈ = 3
ﬁle = 4
ℌ = 5
def résumé(naïve, ñ=π):
    return naïve * ñ
class Ωmega:
    ā = 1
print(café, π, 变量, ｆｕｌｌｗｉｄｔｈ, ℌ)
s = "ünïcödé in a string"  # and ünïcödé in a comment

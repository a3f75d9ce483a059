"""A reproducible warehouse of the figures in WeChat's 2014 impact report, as an article printed
them: every figure kept with its printed text, its place in the article and the interval it
stands for, so each claim built on it can be checked."""

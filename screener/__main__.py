"""python -m screener"""

from screener.launch import main

main()
